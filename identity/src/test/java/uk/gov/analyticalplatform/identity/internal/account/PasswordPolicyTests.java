package uk.gov.analyticalplatform.identity.internal.account;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.identity.PasswordRejected;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class PasswordPolicyTests {

	@Test
	void acceptsALongUncommonPassphraseWithSpaces() {
		assertThatNoException().isThrownBy(() -> PasswordPolicy.check("alice", "violet tractor lemon 42"));
	}

	@Test
	void refusesPasswordsShorterThanTwelveCharacters() {
		assertThatExceptionOfType(PasswordRejected.class).isThrownBy(() -> PasswordPolicy.check("alice", "Short1!pass"))
			.withMessageContaining("at least 12");
	}

	@Test
	void refusesPasswordsLongerThan128Characters() {
		assertThatExceptionOfType(PasswordRejected.class)
			.isThrownBy(() -> PasswordPolicy.check("alice", "ab1".repeat(43)))
			.withMessageContaining("at most 128");
	}

	@Test
	void refusesCommonPasswordsWhateverTheirCase() {
		assertThatExceptionOfType(PasswordRejected.class)
			.isThrownBy(() -> PasswordPolicy.check("alice", "Password1234"))
			.withMessageContaining("too common");
		assertThatExceptionOfType(PasswordRejected.class)
			.isThrownBy(() -> PasswordPolicy.check("alice", "QWERTYUIOP123"));
	}

	@Test
	void refusesPasswordsThatContainTheUsername() {
		assertThatExceptionOfType(PasswordRejected.class)
			.isThrownBy(() -> PasswordPolicy.check("alice", "my name is ALICE ok"))
			.withMessageContaining("username");
	}

	@Test
	void refusesRunsOfOneOrTwoCharacters() {
		assertThatExceptionOfType(PasswordRejected.class)
			.isThrownBy(() -> PasswordPolicy.check("alice", "abababababababab"));
	}

}

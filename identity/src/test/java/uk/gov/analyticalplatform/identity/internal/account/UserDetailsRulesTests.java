package uk.gov.analyticalplatform.identity.internal.account;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.identity.InvalidUserDetails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UserDetailsRulesTests {

	@Test
	void usernamesAreTrimmedAndLowerCased() {
		assertThat(UserDetailsRules.username("  Alice.Smith@Example.org ")).isEqualTo("alice.smith@example.org");
	}

	@Test
	void usernamesWithSpacesOrSymbolsAreRefused() {
		assertThatExceptionOfType(InvalidUserDetails.class).isThrownBy(() -> UserDetailsRules.username("alice smith"));
		assertThatExceptionOfType(InvalidUserDetails.class).isThrownBy(() -> UserDetailsRules.username("-alice"));
		assertThatExceptionOfType(InvalidUserDetails.class).isThrownBy(() -> UserDetailsRules.username("a"));
	}

	@Test
	void aProviderSuggestionBecomesAValidUsernameOrFallsBackToTheSubject() {
		assertThat(UserDetailsRules.fromClaim("Alice Smith", "https://idp", "123")).isEqualTo("alice-smith");
		assertThat(UserDetailsRules.fromClaim(null, "https://idp", "123")).matches("user-[0-9a-f]{6}");
		assertThat(UserDetailsRules.fromClaim("!!!", "https://idp", "123")).matches("user-[0-9a-f]{6}");
	}

}

package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.identity.IdentityProperties;
import uk.gov.analyticalplatform.identity.internal.secondfactor.TotpSecretCipher.Sealed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class TotpSecretCipherTests {

	private static final String OLD_KEY = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

	private static final String NEW_KEY = "ICEiIyQlJicoKSorLC0uLzAxMjM0NTY3ODk6Ozw9Pj8=";

	private final UUID user = UUID.randomUUID();

	@Test
	void sealsWithTheActiveKeyAndOpensAgain() {
		TotpSecretCipher cipher = cipher("k1", Map.of("k1", OLD_KEY));
		Sealed sealed = cipher.seal(this.user, "JBSWY3DPEHPK3PXP");
		assertThat(sealed.keyId()).isEqualTo("k1");
		assertThat(sealed.nonce()).hasSize(12);
		assertThat(new String(sealed.ciphertext(), java.nio.charset.StandardCharsets.ISO_8859_1))
			.doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(cipher.open(this.user, sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
	}

	@Test
	void secretsUnderARetiredKeyStayReadableAfterRotation() {
		Sealed sealed = cipher("k1", Map.of("k1", OLD_KEY)).seal(this.user, "JBSWY3DPEHPK3PXP");
		TotpSecretCipher rotated = cipher("k2", Map.of("k1", OLD_KEY, "k2", NEW_KEY));
		assertThat(rotated.open(this.user, sealed)).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(rotated.isActive("k1")).isFalse();
		assertThat(rotated.seal(this.user, "JBSWY3DPEHPK3PXP").keyId()).isEqualTo("k2");
	}

	@Test
	void aSecretMovedToAnotherUserCannotBeOpened() {
		TotpSecretCipher cipher = cipher("k1", Map.of("k1", OLD_KEY));
		Sealed sealed = cipher.seal(this.user, "JBSWY3DPEHPK3PXP");
		assertThatIllegalStateException().isThrownBy(() -> cipher.open(UUID.randomUUID(), sealed));
	}

	@Test
	void refusesToStartWithoutAnActiveKeyOrWithAKeyOfTheWrongSize() {
		assertThatIllegalStateException().isThrownBy(() -> cipher(null, Map.of()))
			.withMessageContaining("active-key-id");
		assertThatIllegalStateException().isThrownBy(() -> cipher("k1", Map.of("k1", "c2hvcnQ=")))
			.withMessageContaining("128, 192 or 256 bits");
	}

	private static TotpSecretCipher cipher(String active, Map<String, String> keys) {
		return new TotpSecretCipher(new IdentityProperties.Totp("Test", keys, active));
	}

}

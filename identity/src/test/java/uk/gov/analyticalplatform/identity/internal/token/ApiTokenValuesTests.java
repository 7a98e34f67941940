package uk.gov.analyticalplatform.identity.internal.token;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokenValuesTests {

	@Test
	void tokensArePrefixedRandomAndWellFormed() {
		String token = ApiTokenValues.generate();
		assertThat(token).startsWith("apt_").hasSize(47).isNotEqualTo(ApiTokenValues.generate());
		assertThat(ApiTokenValues.wellFormed(token)).isTrue();
		assertThat(ApiTokenValues.wellFormed("apt_short")).isFalse();
		assertThat(ApiTokenValues.wellFormed(null)).isFalse();
	}

	@Test
	void theStoredHashDoesNotContainTheToken() {
		String token = ApiTokenValues.generate();
		assertThat(ApiTokenValues.hash(token)).matches("[0-9a-f]{64}").doesNotContain(token.substring(4, 20));
	}

}

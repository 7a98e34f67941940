package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecoveryCodeFormatTests {

	@Test
	void issuesTenDistinctCodesInGroupsOfFour() {
		List<String> codes = RecoveryCodeFormat.generate();
		assertThat(codes).hasSize(10).doesNotHaveDuplicates();
		assertThat(codes).allMatch((code) -> code.matches("[a-z2-9]{4}(-[a-z2-9]{4}){3}"));
	}

	@Test
	void hashesTheNormalFormSoThatCaseAndSeparatorsDoNotMatter() {
		assertThat(RecoveryCodeFormat.hash("abcd-efgh-jkmn-pqrs"))
			.isEqualTo(RecoveryCodeFormat.hash("ABCD EFGH JKMN PQRS"))
			.matches("[0-9a-f]{64}")
			.isNotEqualTo(RecoveryCodeFormat.hash("abcd-efgh-jkmn-pqrt"));
	}

}

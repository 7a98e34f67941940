package uk.gov.analyticalplatform.reconcile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReasonsTests {

	@Test
	void anyFailureIsRecordedWithItsTypeAndMessage() {
		assertThat(Reasons.of(new IllegalStateException("the world is down")))
			.isEqualTo("IllegalStateException: the world is down");
		assertThat(Reasons.of(new IllegalStateException())).isEqualTo("IllegalStateException");
	}

	@Test
	void aFailureWhoseMessageIsTheReasonIsRecordedByItsMessageAlone() {
		assertThat(Reasons.of(new ApplyFailed("Athena workgroup: AWS throttled the calls")))
			.isEqualTo("Athena workgroup: AWS throttled the calls");
		assertThat(Reasons.of(new BucketNotOwned("Bucket courts is managed by someone else")))
			.as("a subtype naming what happened is not named in the reason")
			.isEqualTo("Bucket courts is managed by someone else");
	}

	@Test
	void aFailureWhoseReasonIsBlankIsRecordedAsUnknown() {
		assertThat(Reasons.of(new ApplyFailed(null))).isEqualTo("unknown failure");
		assertThat(Reasons.of(new ApplyFailed(" "))).isEqualTo("unknown failure");
	}

	@Test
	void aReasonLongerThanTheLimitIsCut() {
		String reason = "x".repeat(Reasons.MAX_LENGTH + 10);
		assertThat(Reasons.of(new ApplyFailed(reason))).isEqualTo(reason.substring(0, Reasons.MAX_LENGTH));
		assertThat(Reasons.of(new IllegalStateException(reason))).hasSize(Reasons.MAX_LENGTH)
			.startsWith("IllegalStateException: x");
	}

	static class BucketNotOwned extends ApplyFailed {

		BucketNotOwned(String reason) {
			super(reason);
		}

	}

}

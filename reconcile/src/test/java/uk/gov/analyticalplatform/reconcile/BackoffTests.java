package uk.gov.analyticalplatform.reconcile;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTests {

	private static final Duration BASE = Duration.ofSeconds(30);

	private static final Duration MAX = Duration.ofMinutes(10);

	@Test
	void theFirstFailureWaitsTheBaseAndEachFurtherOneDoublesIt() {
		assertThat(Backoff.delay(0, BASE, MAX)).isEqualTo(Duration.ofSeconds(30));
		assertThat(Backoff.delay(1, BASE, MAX)).isEqualTo(Duration.ofMinutes(1));
		assertThat(Backoff.delay(3, BASE, MAX)).isEqualTo(Duration.ofMinutes(4));
	}

	@Test
	void theWaitNeverExceedsTheMaximumHoweverManyFailures() {
		assertThat(Backoff.delay(5, BASE, MAX)).isEqualTo(MAX);
		assertThat(Backoff.delay(Integer.MAX_VALUE, BASE, MAX)).isEqualTo(MAX);
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

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

	@Test
	void aBackoffWaitsAsItsBaseAndMaximumSay() {
		Backoff backoff = new Backoff(BASE, MAX);
		assertThat(backoff.delay(-1)).isEqualTo(BASE);
		assertThat(backoff.delay(2)).isEqualTo(Duration.ofMinutes(2));
		assertThat(backoff.delay(40)).isEqualTo(MAX);
	}

	@Test
	void aBackoffWithoutAPositiveBaseBelowItsMaximumIsRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(Duration.ZERO, MAX));
		assertThatIllegalArgumentException().isThrownBy(() -> new Backoff(MAX, BASE));
	}

}

package uk.gov.analyticalplatform.identity;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.identity.IdentityProperties.SignInThrottle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * How long wrong passwords block sign-in: doubling from the first block, and never longer
 * than the longest, so that a guesser cannot lock a real user out for long.
 */
class SignInThrottleSettingsTests {

	private static final SignInThrottle DEFAULTS = new SignInThrottle(5, 50, Duration.ofMinutes(15),
			Duration.ofSeconds(30), Duration.ofMinutes(15));

	@Test
	void theLimitBlocksForTheFirstDelayAndEachFurtherWrongPasswordDoublesIt() {
		assertThat(DEFAULTS.delay(5, 5)).isEqualTo(Duration.ofSeconds(30));
		assertThat(DEFAULTS.delay(6, 5)).isEqualTo(Duration.ofMinutes(1));
		assertThat(DEFAULTS.delay(7, 5)).isEqualTo(Duration.ofMinutes(2));
		assertThat(DEFAULTS.delay(9, 5)).isEqualTo(Duration.ofMinutes(8));
	}

	@Test
	void noBlockIsLongerThanTheLongestHoweverManyWrongPasswords() {
		assertThat(DEFAULTS.delay(10, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(DEFAULTS.delay(50, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(DEFAULTS.delay(Integer.MAX_VALUE, 5)).isEqualTo(Duration.ofMinutes(15));
		assertThat(DEFAULTS.delay(100, 50)).isEqualTo(Duration.ofMinutes(15));
	}

	@Test
	void settingsThatCouldBlockForeverOrNeverAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> new SignInThrottle(5, 50, Duration.ofMinutes(15),
				Duration.ofMinutes(30), Duration.ofMinutes(15)));
		assertThatIllegalArgumentException().isThrownBy(() -> new SignInThrottle(0, 50, Duration.ofMinutes(15),
				Duration.ofSeconds(30), Duration.ofMinutes(15)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInThrottle(5, 50, Duration.ZERO, Duration.ofSeconds(30), Duration.ofMinutes(15)));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new SignInThrottle(5, 50, Duration.ofMinutes(15), Duration.ZERO, Duration.ofMinutes(15)));
	}

}

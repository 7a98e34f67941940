package uk.gov.analyticalplatform.identity;

import java.time.Duration;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of sign-in and two-factor authentication ({@code platform.identity.*}); every
 * key is listed in {@code docs/configuration.md}.
 *
 * @param totp TOTP settings
 * @param lockout when wrong codes lock the second factor
 * @param apiTokens API token settings
 * @param signInThrottle when wrong passwords slow down further sign-in attempts
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(@DefaultValue Totp totp, @DefaultValue Lockout lockout,
		@DefaultValue ApiTokenSettings apiTokens, @DefaultValue SignInThrottle signInThrottle) {

	/**
	 * @param issuer the issuer shown in authenticator apps
	 * @param encryptionKeys AES keys (base64, 128, 192 or 256 bits) by key id; secrets
	 * encrypted with any of them can be read
	 * @param activeKeyId the id of the key that encrypts new and re-encrypted secrets
	 */
	public record Totp(@DefaultValue("Analytical Platform") String issuer, Map<String, String> encryptionKeys,
			String activeKeyId) {

		public Totp {
			encryptionKeys = (encryptionKeys != null) ? Map.copyOf(encryptionKeys) : Map.of();
		}

	}

	/**
	 * @param maxFailures wrong codes that lock the second factor
	 * @param window the time within which they count
	 * @param duration how long the lock lasts
	 */
	public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("15m") Duration window,
			@DefaultValue("15m") Duration duration) {

	}

	/**
	 * @param maxLifetimeDays the longest lifetime a token may be given
	 * @param maxCreatedPerHour how many tokens one user may create in an hour
	 */
	public record ApiTokenSettings(@DefaultValue("90") int maxLifetimeDays, @DefaultValue("10") int maxCreatedPerHour) {

	}

	/**
	 * Wrong passwords for one account, or from one client address, within the window
	 * block further attempts from the limit on: first for {@code firstDelay}, then twice
	 * as long at each further wrong password, never longer than {@code maxDelay}. A block
	 * refuses the right password too, and ends by itself.
	 *
	 * @param accountFailures wrong passwords for one username (known or not) that start
	 * blocking it
	 * @param addressFailures wrong passwords from one client address that start blocking
	 * it
	 * @param window how long a wrong password counts after the last one (or after the
	 * block it caused)
	 * @param firstDelay the first block
	 * @param maxDelay the longest block
	 */
	public record SignInThrottle(@DefaultValue("5") int accountFailures, @DefaultValue("50") int addressFailures,
			@DefaultValue("15m") Duration window, @DefaultValue("30s") Duration firstDelay,
			@DefaultValue("15m") Duration maxDelay) {

		public SignInThrottle {
			if (accountFailures < 1 || addressFailures < 1 || firstDelay.isNegative() || firstDelay.isZero()
					|| maxDelay.compareTo(firstDelay) < 0 || window.isNegative() || window.isZero()) {
				throw new IllegalArgumentException("platform.identity.sign-in-throttle: the failure limits must be "
						+ "at least 1, the window and first delay positive, and max-delay at least first-delay");
			}
		}

		/** How long the given number of wrong passwords blocks further attempts. */
		public Duration delay(int failures, int limit) {
			int doublings = Math.min(failures - limit, 30);
			Duration delay = this.firstDelay.multipliedBy(1L << Math.max(0, doublings));
			return (delay.compareTo(this.maxDelay) > 0) ? this.maxDelay : delay;
		}

	}

}

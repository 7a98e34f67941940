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
 */
@ConfigurationProperties("platform.identity")
public record IdentityProperties(@DefaultValue Totp totp, @DefaultValue Lockout lockout,
		@DefaultValue ApiTokenSettings apiTokens) {

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
	 */
	public record ApiTokenSettings(@DefaultValue("90") int maxLifetimeDays) {

	}

}

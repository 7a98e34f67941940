package uk.gov.analyticalplatform.identity.internal.token;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * Token values: {@code apt_} and 256 random bits in base64url. Being random, a SHA-256
 * hash is enough to store them safely and lets a token be found by its hash.
 */
final class ApiTokenValues {

	static final String PREFIX = "apt_";

	private static final Pattern FORMAT = Pattern.compile("apt_[A-Za-z0-9_-]{43}");

	private static final SecureRandom random = new SecureRandom();

	private ApiTokenValues() {
	}

	static String generate() {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	static boolean wellFormed(String token) {
		return token != null && FORMAT.matcher(token).matches();
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

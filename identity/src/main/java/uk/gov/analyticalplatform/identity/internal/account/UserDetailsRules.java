package uk.gov.analyticalplatform.identity.internal.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

import uk.gov.analyticalplatform.identity.InvalidUserDetails;

/** What makes a username, an email address and a display name acceptable. */
final class UserDetailsRules {

	private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{1,63}");

	private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

	private UserDetailsRules() {
	}

	static String username(String username) {
		String normal = normalUsername(username);
		if (!USERNAME.matcher(normal).matches()) {
			throw new InvalidUserDetails("A username is 2 to 64 lower-case letters, digits and . _ @ -, "
					+ "starting with a letter or digit.");
		}
		return normal;
	}

	static String normalUsername(String username) {
		return (username != null) ? username.trim().toLowerCase(Locale.ROOT) : "";
	}

	static String email(String email) {
		if (email == null || email.isBlank()) {
			return null;
		}
		String trimmed = email.trim();
		if (!EMAIL.matcher(trimmed).matches() || trimmed.length() > 254) {
			throw new InvalidUserDetails("Enter an email address in the correct format, like name@example.gov.uk.");
		}
		return trimmed;
	}

	static String displayName(String displayName, String fallback) {
		String name = (displayName == null || displayName.isBlank()) ? fallback : displayName.trim();
		if (name.length() > 200) {
			throw new InvalidUserDetails("A display name is at most 200 characters.");
		}
		return name;
	}

	/**
	 * A valid username made from what an identity provider suggests, or from the subject
	 * when it suggests nothing usable.
	 */
	static String fromClaim(String suggestion, String issuer, String subject) {
		String base = normalUsername(suggestion).replaceAll("[^a-z0-9._@-]", "-").replaceAll("^[^a-z0-9]+", "");
		if (base.length() > 57) {
			base = base.substring(0, 57);
		}
		return USERNAME.matcher(base).matches() ? base : "user-" + fingerprint(issuer, subject);
	}

	/** Six hex digits that tell apart two people whose suggested usernames collide. */
	static String fingerprint(String issuer, String subject) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256")
				.digest((issuer + "\n" + subject).getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 3);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

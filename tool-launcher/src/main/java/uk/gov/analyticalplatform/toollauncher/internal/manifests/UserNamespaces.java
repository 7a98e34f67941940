package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The Kubernetes names that stand for a user: namespace {@code user-<username>} where the
 * username is already a DNS label, otherwise a safe, unique and stable form of it. A
 * username that is not lower-case letters, digits and inner hyphens (an email-like
 * {@code Jane.Doe@x}, upper case, underscores, a long one) is lower-cased, every run of
 * other characters becomes one hyphen, the result is cut to fit, and the first 8 hex
 * digits of the SHA-256 of the exact username are appended, so that {@code Jane.Doe} and
 * {@code jane-doe} never share a namespace and the name never changes for a user.
 */
public final class UserNamespaces {

	/** The longest DNS label: namespaces and host labels are one. */
	static final int MAX_LABEL = 63;

	private static final String PREFIX = "user-";

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

	/**
	 * The longest safe name: it leaves room for {@code -jupyterlab}, the longest tool, in
	 * a host label.
	 */
	static final int MAX_NAME = MAX_LABEL - "-jupyterlab".length();

	private UserNamespaces() {
	}

	/** The user's namespace: {@code user-<safe name>}. */
	public static String namespace(String username) {
		return PREFIX + safeName(username);
	}

	/**
	 * The username as a DNS label of at most {@value #MAX_NAME} characters: itself when
	 * it already is one and short enough, else a cleaned form with a hash of the exact
	 * username.
	 */
	public static String safeName(String username) {
		if (username.length() <= MAX_NAME && DNS_LABEL.matcher(username).matches()) {
			return username;
		}
		String cleaned = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		String hash = hash(username);
		int room = MAX_NAME - hash.length() - 1;
		if (cleaned.length() > room) {
			cleaned = cleaned.substring(0, room).replaceAll("-+$", "");
		}
		return cleaned.isEmpty() ? "u-" + hash : cleaned + "-" + hash;
	}

	/** The first DNS label of the user's host for a tool: {@code <safe name>-<tool>}. */
	public static String hostLabel(String username, String toolSlug) {
		return safeName(username) + "-" + toolSlug;
	}

	private static String hash(String username) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(username.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest, 0, 4);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

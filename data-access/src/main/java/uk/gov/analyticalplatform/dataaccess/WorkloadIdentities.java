package uk.gov.analyticalplatform.dataaccess;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place that names the Kubernetes identities IAM roles trust (IRSA): the
 * namespace and service account a user's tools and an app's pods run as, and the trust
 * policy subject {@code system:serviceaccount:<namespace>:<service account>} for them.
 * The tool launcher and app deployment create exactly these; data access's roles trust
 * exactly these, so the two cannot drift apart.
 * <p>
 * A user's namespace is {@code user-<username>} where the username is already a DNS
 * label, otherwise a safe, unique and stable form of it: a username that is not
 * lower-case letters, digits and inner hyphens (an email-like {@code Jane.Doe@x}, upper
 * case, underscores, a long one) is lower-cased, every run of other characters becomes
 * one hyphen, the result is cut to fit, and the first 8 hex digits of the SHA-256 of the
 * exact username are appended, so that {@code Jane.Doe} and {@code jane-doe} never share
 * a namespace and the name never changes for a user.
 */
public final class WorkloadIdentities {

	/** The service account every app's pods run as, in namespace {@code app-<name>}. */
	public static final String APP_SERVICE_ACCOUNT = "app";

	/** The longest DNS label: namespaces and host labels are one. */
	public static final int MAX_LABEL = 63;

	/**
	 * The longest safe user name: it leaves room for {@code -jupyterlab}, the longest
	 * tool, in a host label.
	 */
	public static final int MAX_USER_NAME = MAX_LABEL - "-jupyterlab".length();

	private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]*[a-z0-9])?");

	private WorkloadIdentities() {
	}

	/**
	 * The username as a DNS label of at most {@value #MAX_USER_NAME} characters: itself
	 * when it already is one and short enough, else a cleaned form with a hash of the
	 * exact username.
	 */
	public static String userSafeName(String username) {
		if (username == null || username.isEmpty()) {
			throw new IllegalArgumentException("A username is needed");
		}
		if (username.length() <= MAX_USER_NAME && DNS_LABEL.matcher(username).matches()) {
			return username;
		}
		String cleaned = username.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
		String hash = hash(username);
		int room = MAX_USER_NAME - hash.length() - 1;
		if (cleaned.length() > room) {
			cleaned = cleaned.substring(0, room).replaceAll("-+$", "");
		}
		return cleaned.isEmpty() ? "u-" + hash : cleaned + "-" + hash;
	}

	/** The user's namespace: {@code user-<safe name>}. */
	public static String userNamespace(String username) {
		return "user-" + userSafeName(username);
	}

	/** The app's namespace: {@code app-<name>} (app names are DNS labels already). */
	public static String appNamespace(String app) {
		if (app == null || !DNS_LABEL.matcher(app).matches() || app.length() > MAX_LABEL - 4) {
			throw new IllegalArgumentException("An app name is a DNS label, not '" + app + "'");
		}
		return "app-" + app;
	}

	/** The subject of a service account's tokens, as an IRSA trust policy names it. */
	public static String subject(String namespace, String serviceAccount) {
		return "system:serviceaccount:" + namespace + ":" + serviceAccount;
	}

	/** The subject a user's tools run as. */
	public static String userSubject(String username, String serviceAccount) {
		return subject(userNamespace(username), serviceAccount);
	}

	/** The subject an app's pods run as. */
	public static String appSubject(String app) {
		return subject(appNamespace(app), APP_SERVICE_ACCOUNT);
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

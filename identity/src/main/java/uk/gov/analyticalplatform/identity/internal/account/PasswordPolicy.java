package uk.gov.analyticalplatform.identity.internal.account;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import uk.gov.analyticalplatform.identity.PasswordRejected;

/**
 * The rules a new password must meet (OWASP ASVS 2.1): 12 to 128 characters, not on the
 * built-in list of common passwords, not containing the username, and not a run of one or
 * two characters. Any character is allowed, spaces included.
 */
final class PasswordPolicy {

	static final int MIN_LENGTH = 12;

	static final int MAX_LENGTH = 128;

	private static final Set<String> COMMON = load();

	private PasswordPolicy() {
	}

	static void check(String username, String password) {
		if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
			throw new PasswordRejected("The password must be at least " + MIN_LENGTH + " characters long.");
		}
		if (password.codePointCount(0, password.length()) > MAX_LENGTH) {
			throw new PasswordRejected("The password must be at most " + MAX_LENGTH + " characters long.");
		}
		String lower = password.toLowerCase(Locale.ROOT);
		if (COMMON.contains(lower)) {
			throw new PasswordRejected("The password is too common; choose one that is harder to guess.");
		}
		if (username != null && username.length() >= 3 && lower.contains(username.toLowerCase(Locale.ROOT))) {
			throw new PasswordRejected("The password must not contain the username.");
		}
		if (password.codePoints().distinct().count() < 3) {
			throw new PasswordRejected("The password must not repeat the same one or two characters.");
		}
	}

	private static Set<String> load() {
		try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt");
				BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
			return reader.lines()
				.map(String::trim)
				.filter((line) -> !line.isEmpty() && !line.startsWith("#"))
				.map((line) -> line.toLowerCase(Locale.ROOT))
				.collect(Collectors.toUnmodifiableSet());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

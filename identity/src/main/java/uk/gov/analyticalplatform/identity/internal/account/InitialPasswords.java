package uk.gov.analyticalplatform.identity.internal.account;

import java.security.SecureRandom;

/**
 * One-time initial passwords: four groups of five characters from an alphabet without
 * look-alikes (about 99 bits).
 */
final class InitialPasswords {

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private InitialPasswords() {
	}

	static String generate() {
		StringBuilder password = new StringBuilder();
		for (int group = 0; group < 4; group++) {
			if (group > 0) {
				password.append('-');
			}
			for (int i = 0; i < 5; i++) {
				password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
		}
		return password.toString();
	}

}

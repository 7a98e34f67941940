package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Recovery codes: sixteen characters from an alphabet without look-alikes (about 79
 * bits), shown in groups of four. Being random and long, they are stored as plain SHA-256
 * hashes of their normal form (lower case, no separators); a slow password hash adds
 * nothing here.
 */
final class RecoveryCodeFormat {

	static final int COUNT = 10;

	private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

	private static final SecureRandom random = new SecureRandom();

	private RecoveryCodeFormat() {
	}

	static List<String> generate() {
		List<String> codes = new ArrayList<>();
		for (int n = 0; n < COUNT; n++) {
			StringBuilder code = new StringBuilder();
			for (int i = 0; i < 16; i++) {
				if (i > 0 && i % 4 == 0) {
					code.append('-');
				}
				code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
			}
			codes.add(code.toString());
		}
		return codes;
	}

	static String hash(String code) {
		String normal = (code != null) ? code.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT) : "";
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

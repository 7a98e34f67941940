package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.regex.Pattern;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/**
 * RFC 6238 time-based one-time passwords with HMAC-SHA-1 and 30-second steps, accepting
 * the previous, current and next step to allow for clock drift. Pure: the caller supplies
 * the time and remembers which steps were used.
 */
final class TotpCodes {

	static final int PERIOD_SECONDS = 30;

	private final int digits;

	private final DefaultCodeGenerator generator;

	private final Pattern format;

	TotpCodes(int digits) {
		this.digits = digits;
		this.generator = new DefaultCodeGenerator(HashingAlgorithm.SHA1, digits);
		this.format = Pattern.compile("\\d{" + digits + "}");
	}

	static long step(Instant time) {
		return Math.floorDiv(time.getEpochSecond(), PERIOD_SECONDS);
	}

	/** The code for a time step, from a base32-encoded secret. */
	String codeAt(String secret, long step) {
		try {
			return this.generator.generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException("Could not compute a TOTP code", ex);
		}
	}

	/**
	 * The time step, within one step of {@code now}, whose code this is; empty when the
	 * code is not well formed or matches none of them.
	 */
	OptionalLong matchingStep(String secret, String code, Instant now) {
		String candidate = normalise(code);
		if (!this.format.matcher(candidate).matches()) {
			return OptionalLong.empty();
		}
		long current = step(now);
		OptionalLong match = OptionalLong.empty();
		for (long step = current + 1; step >= current - 1; step--) {
			boolean equal = MessageDigest.isEqual(codeAt(secret, step).getBytes(StandardCharsets.US_ASCII),
					candidate.getBytes(StandardCharsets.US_ASCII));
			if (equal && match.isEmpty()) {
				match = OptionalLong.of(step);
			}
		}
		return match;
	}

	int digits() {
		return this.digits;
	}

	private static String normalise(String code) {
		return (code != null) ? code.replaceAll("[\\s-]", "") : "";
	}

}

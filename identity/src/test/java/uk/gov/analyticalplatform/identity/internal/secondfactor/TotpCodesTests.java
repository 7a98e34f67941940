package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TotpCodesTests {

	/** The RFC 6238 SHA-1 seed, "12345678901234567890", in base32. */
	private static final String RFC_SECRET = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

	@ParameterizedTest(name = "at {0} s the code is {1}")
	@CsvSource({ "59, 94287082", "1111111109, 07081804", "1111111111, 14050471", "1234567890, 89005924",
			"2000000000, 69279037", "20000000000, 65353130" })
	void matchesTheSha1VectorsOfRfc6238AppendixB(long seconds, String expected) {
		TotpCodes codes = new TotpCodes(8);
		Instant time = Instant.ofEpochSecond(seconds);
		assertThat(codes.codeAt(RFC_SECRET, TotpCodes.step(time))).isEqualTo(expected);
		assertThat(codes.matchingStep(RFC_SECRET, expected, time)).hasValue(TotpCodes.step(time));
	}

	@Test
	void acceptsTheStepBeforeAndAfterButNoFurther() {
		TotpCodes codes = new TotpCodes(6);
		Instant now = Instant.ofEpochSecond(1_800_000_015L);
		long step = TotpCodes.step(now);
		assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, step - 1), now)).hasValue(step - 1);
		assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, step + 1), now)).hasValue(step + 1);
		assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, step - 2), now)).isEmpty();
		assertThat(codes.matchingStep(RFC_SECRET, codes.codeAt(RFC_SECRET, step + 2), now)).isEmpty();
	}

	@Test
	void ignoresSpacesButRefusesCodesThatAreNotSixDigits() {
		TotpCodes codes = new TotpCodes(6);
		Instant now = Instant.ofEpochSecond(1_800_000_015L);
		String code = codes.codeAt(RFC_SECRET, TotpCodes.step(now));
		assertThat(codes.matchingStep(RFC_SECRET, code.substring(0, 3) + " " + code.substring(3), now)).isPresent();
		assertThat(codes.matchingStep(RFC_SECRET, code.substring(1), now)).isEmpty();
		assertThat(codes.matchingStep(RFC_SECRET, "abcdef", now)).isEmpty();
		assertThat(codes.matchingStep(RFC_SECRET, null, now)).isEmpty();
	}

}

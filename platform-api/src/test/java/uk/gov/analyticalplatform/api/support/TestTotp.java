package uk.gov.analyticalplatform.api.support;

import java.time.Instant;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

/** Computes the codes an authenticator app would show, as a person holding the secret. */
public final class TestTotp {

	private TestTotp() {
	}

	public static String code(String secret, Instant at) {
		return codeAtStep(secret, Math.floorDiv(at.getEpochSecond(), 30));
	}

	public static String codeAtStep(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret.replace(" ", ""), step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

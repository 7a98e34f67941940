package uk.gov.analyticalplatform.identity.internal.secondfactor;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;

import uk.gov.analyticalplatform.identity.TotpEnrolment;
import uk.gov.analyticalplatform.identity.UserAccount;

/** New TOTP secrets (160 bits) and what an authenticator app needs to add them. */
class TotpEnrolments {

	private final DefaultSecretGenerator secrets = new DefaultSecretGenerator(32);

	private final ZxingPngQrGenerator qrCodes = new ZxingPngQrGenerator();

	private final String issuer;

	TotpEnrolments(String issuer) {
		this.issuer = issuer;
		this.qrCodes.setImageSize(240);
	}

	String newSecret() {
		return this.secrets.generate();
	}

	TotpEnrolment describe(UserAccount user, String secret) {
		QrData data = new QrData.Builder().label(user.username())
			.secret(secret)
			.issuer(this.issuer)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(6)
			.period(TotpCodes.PERIOD_SECONDS)
			.build();
		try {
			return new TotpEnrolment(secret, data.getUri(), this.qrCodes.generate(data));
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("Could not draw the enrolment QR code", ex);
		}
	}

}

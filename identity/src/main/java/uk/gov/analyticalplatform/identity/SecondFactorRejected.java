package uk.gov.analyticalplatform.identity;

/** The code was wrong, expired or already used. */
public class SecondFactorRejected extends IdentityException {

	private static final long serialVersionUID = 1L;

	public SecondFactorRejected() {
		super("The code is not right, or it has already been used. Enter the current code from your authenticator app.");
	}

}

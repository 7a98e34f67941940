package uk.gov.analyticalplatform.identity;

/** The user already has a confirmed authenticator. */
public class SecondFactorAlreadyEnrolled extends IdentityException {

	private static final long serialVersionUID = 1L;

	public SecondFactorAlreadyEnrolled() {
		super("Two-factor authentication is already set up for this account.");
	}

}

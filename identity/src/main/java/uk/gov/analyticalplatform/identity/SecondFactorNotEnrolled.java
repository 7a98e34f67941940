package uk.gov.analyticalplatform.identity;

/** The user has no authenticator to check a code against. */
public class SecondFactorNotEnrolled extends IdentityException {

	private static final long serialVersionUID = 1L;

	public SecondFactorNotEnrolled() {
		super("Two-factor authentication is not set up for this account yet.");
	}

}

package uk.gov.analyticalplatform.identity;

/** Signing in failed; deliberately silent about why. */
public class SignInFailed extends IdentityException {

	private static final long serialVersionUID = 1L;

	public SignInFailed() {
		super("The username or password is not right, or the account cannot sign in.");
	}

}

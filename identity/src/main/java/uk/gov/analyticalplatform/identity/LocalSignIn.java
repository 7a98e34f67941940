package uk.gov.analyticalplatform.identity;

/** The first step of signing in with a local account. */
public interface LocalSignIn {

	/**
	 * Checks a local account's password. Success and failure are both audited; the
	 * failure never says whether the username exists.
	 * @param username the username, in any case
	 * @param password the password
	 * @return the signed-in user, who must still pass the second factor
	 * @throws SignInFailed when the username is unknown, the password is wrong, the
	 * account is not local, or the user is suspended
	 */
	PrimarySignIn signIn(String username, String password);

}

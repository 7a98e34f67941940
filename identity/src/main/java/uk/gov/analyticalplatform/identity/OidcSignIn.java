package uk.gov.analyticalplatform.identity;

/** The first step of signing in through an OpenID Connect provider. */
public interface OidcSignIn {

	/**
	 * Signs in the person the provider vouched for, creating their account at the first
	 * sign-in and bringing their name, email and mapped roles up to date on later ones.
	 * @param identity the provider's claims
	 * @return the signed-in user
	 * @throws SignInFailed when the user is suspended
	 */
	PrimarySignIn signIn(OidcIdentity identity);

}

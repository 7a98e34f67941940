package uk.gov.analyticalplatform.identity;

/**
 * The first step of signing in succeeded (a password, or an OpenID Connect provider).
 *
 * @param user who signed in
 * @param secondFactorSatisfied whether the provider has already asserted multi-factor
 * authentication that this installation trusts, so that no TOTP code is needed
 */
public record PrimarySignIn(UserAccount user, boolean secondFactorSatisfied) {

	/**
	 * Whether the user must enrol an authenticator before they can pass the second step.
	 */
	public boolean enrolmentRequired() {
		return !this.secondFactorSatisfied && !this.user.secondFactorEnrolled();
	}

}

package uk.gov.analyticalplatform.identity;

/**
 * A new local user and the one-time initial password to hand to them.
 *
 * @param user the new user
 * @param initialPassword the password, shown once and never stored in clear
 */
public record CreatedUser(UserAccount user, String initialPassword) {

}

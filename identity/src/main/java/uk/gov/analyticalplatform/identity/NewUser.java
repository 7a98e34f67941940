package uk.gov.analyticalplatform.identity;

/**
 * A local user to create.
 *
 * @param username the username: 2 to 64 lower-case letters, digits and {@code . _ @ -}
 * @param email the email address
 * @param displayName the name to show
 */
public record NewUser(String username, String email, String displayName) {

}

package uk.gov.analyticalplatform.identity;

/**
 * Who an OpenID Connect provider says someone is.
 *
 * @param issuer the provider's issuer URI
 * @param subject the provider's stable subject id
 * @param preferredUsername the username the provider suggests, if any
 * @param email the email address, if any
 * @param displayName the person's name, if any
 * @param platformAdmin whether the provider's groups make the user a platform admin;
 * {@code null} when this installation does not map groups to that role
 * @param multiFactorTrusted whether the provider asserted multi-factor authentication and
 * this installation trusts that assertion for this provider
 */
public record OidcIdentity(String issuer, String subject, String preferredUsername, String email, String displayName,
		Boolean platformAdmin, boolean multiFactorTrusted) {

}

package uk.gov.analyticalplatform.api.security;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OpenID Connect providers that people may sign in with ({@code platform.oidc.*}); none
 * by default, leaving only local accounts.
 *
 * @param providers providers by registration id (used in the callback path
 * {@code /login/oauth2/code/<id>})
 */
@ConfigurationProperties("platform.oidc")
public record OidcProperties(Map<String, Provider> providers) {

	public OidcProperties {
		providers = (providers != null) ? Map.copyOf(providers) : Map.of();
	}

	/**
	 * @param issuerUri the issuer, whose discovery document is read at start-up
	 * @param clientId the client id registered with the provider
	 * @param clientSecret the client secret
	 * @param displayName the provider's name on the sign-in button
	 * @param scopes the scopes to ask for
	 * @param groupsClaim the ID token claim that lists the person's groups
	 * @param adminGroups groups whose members are platform admins; when empty the
	 * provider does not decide that role
	 * @param trustMfaClaim whether an {@code amr} claim of {@code mfa}, {@code otp} or
	 * {@code hwk} replaces the platform's own TOTP step
	 */
	public record Provider(String issuerUri, String clientId, String clientSecret,
			@DefaultValue("your identity provider") String displayName, @DefaultValue( {
					"openid", "profile", "email" }) Set<String> scopes,
			@DefaultValue("groups") String groupsClaim, List<String> adminGroups,
			@DefaultValue("false") boolean trustMfaClaim){

		public Provider {
			adminGroups = (adminGroups != null) ? List.copyOf(adminGroups) : List.of();
		}

	}

}

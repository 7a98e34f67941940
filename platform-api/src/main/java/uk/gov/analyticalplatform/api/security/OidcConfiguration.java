package uk.gov.analyticalplatform.api.security;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;

import uk.gov.analyticalplatform.api.config.PlatformProperties;
import uk.gov.analyticalplatform.identity.OidcSignIn;

/**
 * Client registrations for the configured OpenID Connect providers, from each issuer's
 * discovery document (authorization code flow; Spring Security adds PKCE).
 */
@Configuration(proxyBeanMethods = false)
class OidcConfiguration {

	/**
	 * The redirect URI is the configured public base URL's, never one built from the
	 * request's {@code Host} (or forwarded) headers, which a client may forge.
	 */
	@Bean
	ClientRegistrationRepository clientRegistrations(OidcProperties properties, PlatformProperties platform) {
		String base = platform.baseUrl().toString().replaceAll("/+$", "");
		Map<String, ClientRegistration> registrations = new LinkedHashMap<>();
		properties.providers().forEach((id, provider) -> registrations.put(id, registration(id, provider, base)));
		return registrations::get;
	}

	@Bean
	OidcSignInSuccess oidcSignInSuccess(OidcProperties properties, OidcSignIn signIn, SessionSignIns sessions) {
		return new OidcSignInSuccess(properties, signIn, sessions);
	}

	private static ClientRegistration registration(String id, OidcProperties.Provider provider, String base) {
		return ClientRegistrations.fromIssuerLocation(provider.issuerUri())
			.registrationId(id)
			.clientId(provider.clientId())
			.clientSecret(provider.clientSecret())
			.scope(provider.scopes())
			.clientName(provider.displayName())
			.redirectUri(base + "/login/oauth2/code/{registrationId}")
			.build();
	}

}

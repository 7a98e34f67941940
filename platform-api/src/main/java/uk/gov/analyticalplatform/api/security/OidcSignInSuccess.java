package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

import uk.gov.analyticalplatform.identity.OidcIdentity;
import uk.gov.analyticalplatform.identity.OidcSignIn;
import uk.gov.analyticalplatform.identity.PrimarySignIn;
import uk.gov.analyticalplatform.identity.SignInFailed;

/**
 * After the provider vouched for someone: creates or updates their account, then sends
 * them to the second factor (unless the provider asserted MFA and the installation trusts
 * it).
 */
class OidcSignInSuccess implements AuthenticationSuccessHandler {

	private static final List<String> MFA_METHODS = List.of("mfa", "otp", "hwk");

	private final OidcProperties properties;

	private final OidcSignIn signIn;

	private final SessionSignIns sessions;

	OidcSignInSuccess(OidcProperties properties, OidcSignIn signIn, SessionSignIns sessions) {
		this.properties = properties;
		this.signIn = signIn;
		this.sessions = sessions;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
		OidcUser user = (OidcUser) token.getPrincipal();
		OidcProperties.Provider provider = this.properties.providers().get(token.getAuthorizedClientRegistrationId());
		try {
			PrimarySignIn signedIn = this.signIn.signIn(identity(user, provider));
			this.sessions.primarySignInPassed(signedIn, request, response);
			response.sendRedirect(request.getContextPath() + "/sign-in/two-factor");
		}
		catch (SignInFailed ex) {
			this.sessions.signOut(request, response);
			response.sendRedirect(request.getContextPath() + "/sign-in?refused");
		}
	}

	static OidcIdentity identity(OidcUser user, OidcProperties.Provider provider) {
		Boolean admin = null;
		if (!provider.adminGroups().isEmpty()) {
			List<String> groups = user.getClaimAsStringList(provider.groupsClaim());
			admin = groups != null && groups.stream().anyMatch(provider.adminGroups()::contains);
		}
		List<String> amr = user.getClaimAsStringList("amr");
		boolean mfa = provider.trustMfaClaim() && amr != null && amr.stream().anyMatch(MFA_METHODS::contains);
		return new OidcIdentity(user.getIssuer().toString(), user.getSubject(), user.getPreferredUsername(),
				user.getEmail(), user.getFullName(), admin, mfa);
	}

}

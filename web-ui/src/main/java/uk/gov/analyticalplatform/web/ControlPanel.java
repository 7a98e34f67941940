package uk.gov.analyticalplatform.web;

import java.util.List;

/**
 * What the control panel shows about the installation, provided by the application.
 *
 * @param environmentName the installation's name, shown in every page's header
 * @param localSetup whether this is the local setup, labelled on every page as not for
 * real data
 * @param identityProviders the OpenID Connect providers offered on the sign-in page
 */
public record ControlPanel(String environmentName, boolean localSetup, List<IdentityProvider> identityProviders) {

	public ControlPanel {
		identityProviders = List.copyOf(identityProviders);
	}

	/**
	 * @param signInPath where the browser goes to sign in with the provider
	 * @param displayName the provider's name on the button
	 */
	public record IdentityProvider(String signInPath, String displayName) {

	}

}

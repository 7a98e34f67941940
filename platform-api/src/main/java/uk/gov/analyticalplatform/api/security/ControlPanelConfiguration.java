package uk.gov.analyticalplatform.api.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import uk.gov.analyticalplatform.api.config.PlatformProperties;
import uk.gov.analyticalplatform.web.ControlPanel;

/** What the control panel needs to know about this installation. */
@Configuration(proxyBeanMethods = false)
class ControlPanelConfiguration {

	@Bean
	ControlPanel controlPanel(PlatformProperties platform, OidcProperties oidc) {
		List<ControlPanel.IdentityProvider> providers = oidc.providers()
			.entrySet()
			.stream()
			.map((entry) -> new ControlPanel.IdentityProvider("/oauth2/authorization/" + entry.getKey(),
					entry.getValue().displayName()))
			.toList();
		return new ControlPanel(platform.environmentName(), platform.localSetup(), providers);
	}

}

package uk.gov.analyticalplatform.api.config;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the platform as a whole ({@code platform.*}); every key is listed in
 * {@code docs/configuration.md}.
 *
 * @param environmentName a short name of this installation, shown in the control panel's
 * header (for example "Local setup" or "Production")
 * @param localSetup whether this is the embedded local setup that {@code make run}
 * starts, which the control panel labels clearly as not for real data
 * @param baseUrl the public URL of the control panel, used in links and OIDC redirects
 */
@ConfigurationProperties("platform")
public record PlatformProperties(@DefaultValue("Analytical Platform") String environmentName,
		@DefaultValue("false") boolean localSetup, @DefaultValue("http://localhost:8080") URI baseUrl) {

}

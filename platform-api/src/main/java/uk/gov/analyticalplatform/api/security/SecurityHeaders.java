package uk.gov.analyticalplatform.api.security;

import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.web.header.writers.StaticHeadersWriter;
import org.springframework.security.web.util.matcher.AnyRequestMatcher;

import uk.gov.analyticalplatform.web.PageConnections;

/**
 * The headers every chain adds to Spring Security's defaults: {@code Permissions-Policy}
 * and {@code Strict-Transport-Security} as configured, with each chain's own content
 * security policy, to which a page may add the origins its script connects to
 * ({@link PageConnections}).
 */
final class SecurityHeaders {

	private static final String CSP_HEADER = "Content-Security-Policy";

	private SecurityHeaders() {
	}

	static Customizer<HeadersConfigurer<HttpSecurity>> with(SecurityHeadersProperties properties, String csp) {
		return (headers) -> {
			headers.addHeaderWriter((request, response) -> {
				if (!response.containsHeader(CSP_HEADER)) {
					response.setHeader(CSP_HEADER, PageConnections.policy(csp, PageConnections.of(request)));
				}
			}).addHeaderWriter(new StaticHeadersWriter("Permissions-Policy", properties.permissionsPolicy()));
			switch (properties.hsts()) {
				case NEVER -> headers.httpStrictTransportSecurity(HeadersConfigurer.HstsConfig::disable);
				case ALWAYS -> headers.httpStrictTransportSecurity(
						(hsts) -> hsts(hsts, properties).requestMatcher(AnyRequestMatcher.INSTANCE));
				case WHEN_SECURE -> headers.httpStrictTransportSecurity((hsts) -> hsts(hsts, properties));
			}
		};
	}

	private static HeadersConfigurer<HttpSecurity>.HstsConfig hsts(HeadersConfigurer<HttpSecurity>.HstsConfig hsts,
			SecurityHeadersProperties properties) {
		return hsts.maxAgeInSeconds(properties.hstsMaxAge().toSeconds())
			.includeSubDomains(properties.hstsIncludeSubdomains());
	}

}

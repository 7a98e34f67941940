package uk.gov.analyticalplatform.api.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Response headers that tell browsers how to treat the control panel
 * ({@code platform.security.headers.*}); every key is listed in
 * {@code docs/configuration.md}.
 *
 * @param hsts when to send {@code Strict-Transport-Security}
 * @param hstsMaxAge how long browsers remember to use only HTTPS
 * @param hstsIncludeSubdomains whether the rule covers subdomains (tools and apps live
 * under the base domain)
 * @param permissionsPolicy the {@code Permissions-Policy} header: browser features no
 * page of the control panel uses are turned off
 */
@ConfigurationProperties("platform.security.headers")
record SecurityHeadersProperties(@DefaultValue("WHEN_SECURE") Hsts hsts, @DefaultValue("365d") Duration hstsMaxAge,
		@DefaultValue("false") boolean hstsIncludeSubdomains,
		@DefaultValue("accelerometer=(), autoplay=(), camera=(), display-capture=(), fullscreen=(), geolocation=(), "
				+ "gyroscope=(), magnetometer=(), microphone=(), midi=(), payment=(), usb=()") String permissionsPolicy) {

	/** When to send {@code Strict-Transport-Security}. */
	enum Hsts {

		/**
		 * On requests that arrived over TLS, as the container sees them: behind an
		 * ingress that terminates TLS, only when forwarded headers are honoured.
		 */
		WHEN_SECURE,

		/**
		 * On every response: for an ingress that terminates TLS and serves nothing else.
		 */
		ALWAYS,

		/** Never (the ingress sends it instead). */
		NEVER

	}

}

package uk.gov.analyticalplatform.api.gate;

import java.net.URI;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

/**
 * The request the ingress is asking about, from the headers its external-auth call
 * carries: {@code X-Original-URL} (ingress-nginx, and the nginx configuration of the
 * tests), else {@code X-Forwarded-Host}. The host decides whose tool or app it is. A
 * client that calls the gate directly with headers of its own choosing learns only its
 * own answer; the ingress sets these headers on the calls it makes.
 */
record OriginalRequest(String host, String url) {

	static final String ORIGINAL_URL = "X-Original-URL";

	static final String FORWARDED_HOST = "X-Forwarded-Host";

	/** The original request, or {@code null} when the headers name none. */
	static OriginalRequest of(HttpServletRequest request) {
		String url = request.getHeader(ORIGINAL_URL);
		if (url != null && !url.isBlank()) {
			String host = host(url);
			return (host != null) ? new OriginalRequest(host, url) : null;
		}
		String forwarded = request.getHeader(FORWARDED_HOST);
		if (forwarded != null && !forwarded.isBlank()) {
			return new OriginalRequest(withoutPort(forwarded.trim().toLowerCase(Locale.ROOT)), null);
		}
		return null;
	}

	/**
	 * The URL's host, lower case and without port, or {@code null} if it is no http(s)
	 * URL.
	 */
	static String host(String url) {
		try {
			URI uri = URI.create(url.trim());
			String scheme = uri.getScheme();
			if (uri.getHost() == null || scheme == null
					|| !(scheme.equalsIgnoreCase("https") || scheme.equalsIgnoreCase("http"))) {
				return null;
			}
			return uri.getHost().toLowerCase(Locale.ROOT);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static String withoutPort(String host) {
		int colon = host.lastIndexOf(':');
		return (colon > 0 && !host.endsWith("]")) ? host.substring(0, colon) : host;
	}

}

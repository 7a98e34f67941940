package uk.gov.analyticalplatform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Origins other than the control panel's own that one page's script may connect to (its
 * content security policy's {@code connect-src}): a page's controller allows them for its
 * own response only, such as the upload page the S3 endpoint its parts are presigned for.
 * Only plain {@code http(s)://host[:port]} origins are accepted, never wildcards.
 */
public final class PageConnections {

	private static final String ATTRIBUTE = PageConnections.class.getName();

	private static final Pattern ORIGIN = Pattern.compile("https?://[A-Za-z0-9.\\-]+(:[0-9]{1,5})?");

	private PageConnections() {
	}

	/**
	 * Lets this request's page connect to the origin.
	 * @throws IllegalArgumentException if it is not a plain origin
	 */
	public static void allow(HttpServletRequest request, String origin) {
		if (!ORIGIN.matcher(origin).matches()) {
			throw new IllegalArgumentException("Not a plain origin: " + origin);
		}
		List<String> origins = new ArrayList<>(of(request));
		if (!origins.contains(origin)) {
			origins.add(origin);
		}
		request.setAttribute(ATTRIBUTE, List.copyOf(origins));
	}

	/** The origins this request's page may connect to besides its own. */
	@SuppressWarnings("unchecked")
	public static List<String> of(HttpServletRequest request) {
		Object origins = request.getAttribute(ATTRIBUTE);
		return (origins instanceof List<?> list) ? (List<String>) list : List.of();
	}

	/**
	 * The content security policy with the page's {@code connect-src} added, if it
	 * allowed other origins.
	 */
	public static String policy(String policy, List<String> origins) {
		return origins.isEmpty() ? policy : policy + "; connect-src 'self' " + String.join(" ", origins);
	}

}

package uk.gov.analyticalplatform.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A script's view of the JSON API: a cookie jar for the session, the XSRF-TOKEN cookie
 * sent back as the X-XSRF-TOKEN header, and optionally a bearer token instead.
 */
public final class ApiClient {

	private static final JsonMapper json = JsonMapper.builder().build();

	private final int port;

	private final CookieManager cookies;

	private final HttpClient http;

	private String bearer;

	public ApiClient(int port) {
		this(port, new CookieManager());
	}

	/** A client sharing a cookie jar (a browser's, say). */
	public ApiClient(int port, CookieManager cookies) {
		this.port = port;
		this.cookies = cookies;
		this.http = HttpClient.newBuilder().cookieHandler(this.cookies).build();
	}

	public ApiClient withBearer(String token) {
		this.bearer = token;
		return this;
	}

	public Response get(String path) {
		return send("GET", path, null);
	}

	public Response post(String path, String body) {
		return send("POST", path, body);
	}

	public Response send(String method, String path, String body) {
		if (!"GET".equals(method) && xsrf() == null) {
			exchange("GET", "/api/v1/auth/csrf", null);
		}
		return exchange(method, path, body);
	}

	/** Sends without fetching a CSRF token first. */
	public Response exchange(String method, String path, String body) {
		return exchange(method, path, body, "application/json");
	}

	/** Sends without fetching a CSRF token first, accepting the given media type. */
	public Response exchange(String method, String path, String body, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", accept)
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		String xsrf = xsrf();
		if (xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Sends raw bytes ({@code application/octet-stream}), fetching a CSRF token first.
	 */
	public Response sendBytes(String method, String path, byte[] body) {
		if (xsrf() == null && this.bearer == null) {
			exchange("GET", "/api/v1/auth/csrf", null);
		}
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.header("Content-Type", "application/octet-stream")
			.method(method, BodyPublishers.ofByteArray(body));
		String xsrf = xsrf();
		if (xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		if (this.bearer != null) {
			request.header("Authorization", "Bearer " + this.bearer);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Follows a redirect by hand, wherever it points (another server, say). */
	public Response follow(Response redirect) {
		String location = redirect.raw().headers().firstValue("Location").orElseThrow();
		URI target = redirect.raw().uri().resolve(location);
		try {
			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(target).header("Accept", "text/html").build(), BodyHandlers.ofString());
			return new Response(response.statusCode(), response.body(), response);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	public String cookie(String name) {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals(name))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
	}

	/**
	 * The jar's cookies as one {@code Cookie} header value, for a request to another
	 * host.
	 */
	public String cookieHeader() {
		return String.join("; ",
				this.cookies.getCookieStore()
					.getCookies()
					.stream()
					.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
					.toList());
	}

	/** The client's HTTP client, with its cookie jar, following no redirects. */
	public HttpClient http() {
		return this.http;
	}

	public CookieManager cookies() {
		return this.cookies;
	}

	private String xsrf() {
		return cookie("XSRF-TOKEN");
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/** A response, with its body as JSON where it is JSON. */
	public record Response(int status, String body, HttpResponse<String> raw) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public String problemType() {
			return json().path("type").asString();
		}

		@Override
		public String toString() {
			return this.status + " " + this.body;
		}

	}

}

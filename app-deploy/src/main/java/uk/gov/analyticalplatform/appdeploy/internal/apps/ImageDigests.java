package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import uk.gov.analyticalplatform.appdeploy.ImageResolution;

/**
 * Resolves an image tag to the digest its registry serves now, with the OCI distribution
 * API: {@code HEAD /v2/<repository>/manifests/<tag>} accepting OCI and Docker manifests
 * and indexes, reading {@code Docker-Content-Digest} (or hashing the manifest a
 * {@code GET} returns when a registry leaves the header out). Public registries'
 * anonymous bearer tokens are fetched as Docker does (the {@code WWW-Authenticate}
 * challenge). Loopback registries are spoken to in plain HTTP (as Docker treats them),
 * every other over HTTPS.
 * <p>
 * What a mature deployment tool does with the answer: a tag the registry says does not
 * exist is refused (the owner mistyped, or the build has not pushed yet); a tag resolved
 * is stored by digest, so that deploy and rollback run exactly that image whatever
 * happens to the tag later; a registry that cannot be asked (unreachable, or private and
 * needing credentials the control plane does not have) leaves the version stored as
 * given, marked unresolved with the reason, so that the owner sees it is not pinned.
 */
public class ImageDigests {

	static final String ACCEPT = String.join(", ", "application/vnd.oci.image.index.v1+json",
			"application/vnd.oci.image.manifest.v1+json", "application/vnd.docker.distribution.manifest.list.v2+json",
			"application/vnd.docker.distribution.manifest.v2+json");

	private static final Pattern REFERENCE = Pattern
		.compile("(?<repository>[^@]+?):(?<tag>[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})");

	private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

	private static final Pattern CHALLENGE = Pattern.compile("(\\w+)=\"([^\"]*)\"");

	private final HttpClient http;

	private final Duration timeout;

	public ImageDigests(Duration timeout) {
		this.timeout = timeout;
		this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL).build();
	}

	/**
	 * Resolves {@code <repository>:<tag>}; a reference by digest is returned as it is.
	 * @throws ImageNotFound if the registry says there is no such tag
	 */
	public ImageResolution resolve(String reference) {
		if (reference.contains("@sha256:")) {
			return ImageResolution.byDigest(reference);
		}
		Matcher matcher = REFERENCE.matcher(reference);
		if (!matcher.matches()) {
			return ImageResolution.unresolved(reference, "not a <repository>:<tag> reference");
		}
		String repository = matcher.group("repository");
		String tag = matcher.group("tag");
		Registry registry = Registry.of(repository);
		URI manifest = URI.create(registry.base() + "/v2/" + registry.path() + "/manifests/" + tag);
		try {
			HttpResponse<byte[]> response = send(manifest, "HEAD", null);
			String token = null;
			if (response.statusCode() == 401) {
				token = anonymousToken(response).orElse(null);
				if (token == null) {
					return ImageResolution.unresolved(reference,
							"the registry " + registry.host() + " asks for credentials the platform does not have");
				}
				response = send(manifest, "HEAD", token);
			}
			int status = response.statusCode();
			if (status == 404) {
				throw new ImageNotFound(reference, registry.host());
			}
			if (status == 401 || status == 403) {
				return ImageResolution.unresolved(reference,
						"the registry " + registry.host() + " refused to say (HTTP " + status + ")");
			}
			if (status != 200) {
				return ImageResolution.unresolved(reference,
						"the registry " + registry.host() + " answered HTTP " + status);
			}
			Optional<String> digest = response.headers().firstValue("Docker-Content-Digest");
			if (digest.isEmpty() || !DIGEST.matcher(digest.get()).matches()) {
				HttpResponse<byte[]> body = send(manifest, "GET", token);
				digest = Optional.of("sha256:" + sha256(body.body()));
			}
			return ImageResolution.resolved(repository + "@" + digest.get(), reference);
		}
		catch (IOException ex) {
			return ImageResolution.unresolved(reference, "the registry " + registry.host() + " could not be reached ("
					+ ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "") + ")");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return ImageResolution.unresolved(reference, "interrupted while asking the registry");
		}
	}

	private HttpResponse<byte[]> send(URI uri, String method, String token) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.timeout(this.timeout)
			.header("Accept", ACCEPT)
			.method(method, HttpRequest.BodyPublishers.noBody());
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
	}

	/**
	 * The anonymous pull token a {@code Bearer} challenge offers, as public registries
	 * do.
	 */
	private Optional<String> anonymousToken(HttpResponse<?> challenged) throws IOException, InterruptedException {
		String header = challenged.headers().firstValue("WWW-Authenticate").orElse("");
		if (!header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return Optional.empty();
		}
		Map<String, String> parameters = new LinkedHashMap<>();
		Matcher matcher = CHALLENGE.matcher(header);
		while (matcher.find()) {
			parameters.put(matcher.group(1), matcher.group(2));
		}
		String realm = parameters.remove("realm");
		if (realm == null || !realm.startsWith("https://")) {
			return Optional.empty();
		}
		StringBuilder uri = new StringBuilder(realm);
		char separator = realm.contains("?") ? '&' : '?';
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			uri.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
			separator = '&';
		}
		HttpResponse<String> response = this.http.send(
				HttpRequest.newBuilder(URI.create(uri.toString())).timeout(this.timeout).GET().build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			return Optional.empty();
		}
		Matcher token = Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
		return token.find() ? Optional.of(token.group(1)) : Optional.empty();
	}

	private static String sha256(byte[] bytes) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Where a repository lives: its first component when it names a host (has a dot or a
	 * port, or is {@code localhost}), else Docker Hub ({@code library/} for official
	 * images).
	 */
	record Registry(String host, String path) {

		static Registry of(String repository) {
			int slash = repository.indexOf('/');
			String first = (slash > 0) ? repository.substring(0, slash) : "";
			if (slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"))) {
				return new Registry(first, repository.substring(slash + 1));
			}
			return new Registry("registry-1.docker.io", (slash > 0) ? repository : "library/" + repository);
		}

		String base() {
			String name = this.host.contains(":") ? this.host.substring(0, this.host.lastIndexOf(':')) : this.host;
			boolean loopback = name.equals("localhost") || name.startsWith("127.") || name.equals("[::1]");
			return (loopback ? "http://" : "https://") + this.host;
		}

	}

}

package uk.gov.analyticalplatform.testing;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The OCI registry {@code scripts/services.sh} runs on loopback (the distribution
 * project's registry, Debian's {@code docker-registry}): tests push small images to it,
 * as a build would, so that versions registered by tag resolve to digests without the
 * internet. The local cluster's simulated node never pulls, so these references deploy.
 */
public final class TestRegistry {

	private static final HttpClient HTTP = HttpClient.newHttpClient();

	private TestRegistry() {
	}

	/** {@code host:port} of the registry. */
	public static String address() {
		return PlatformServices.get().registry();
	}

	/**
	 * The full image repository of {@code path} (such as {@code moj/app}) in the
	 * registry.
	 */
	public static String repository(String path) {
		return address() + "/" + path;
	}

	/**
	 * Pushes a one-layer image whose layer holds {@code content} under {@code tag},
	 * moving the tag if it exists; returns the manifest's digest ({@code sha256:...}).
	 */
	public static String push(String path, String tag, String content) {
		byte[] layer = content.getBytes(StandardCharsets.UTF_8);
		byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\""
				+ digest(layer) + "\"]}}")
			.getBytes(StandardCharsets.UTF_8);
		blob(path, config);
		blob(path, layer);
		byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
				+ "\"config\":{\"mediaType\":\"application/vnd.oci.image.config.v1+json\",\"digest\":\""
				+ digest(config) + "\",\"size\":" + config.length + "},\"layers\":[{\"mediaType\":"
				+ "\"application/vnd.oci.image.layer.v1.tar\",\"digest\":\"" + digest(layer) + "\",\"size\":"
				+ layer.length + "}]}")
			.getBytes(StandardCharsets.UTF_8);
		expect(201,
				send(HttpRequest.newBuilder(url("/v2/" + path + "/manifests/" + tag))
					.header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
					.PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
					.build()));
		return digest(manifest);
	}

	private static void blob(String path, byte[] bytes) {
		HttpResponse<String> started = expect(202,
				send(HttpRequest.newBuilder(url("/v2/" + path + "/blobs/uploads/"))
					.POST(HttpRequest.BodyPublishers.noBody())
					.build()));
		String location = started.headers()
			.firstValue("Location")
			.orElseThrow(() -> new IllegalStateException("the registry gave no upload location"));
		URI upload = location.startsWith("http") ? URI.create(location) : url(location);
		String separator = (upload.getQuery() != null) ? "&" : "?";
		expect(201,
				send(HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest(bytes)))
					.header("Content-Type", "application/octet-stream")
					.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
					.build()));
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new IllegalStateException("the test registry at " + address() + " cannot be reached", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static HttpResponse<String> expect(int status, HttpResponse<String> response) {
		if (response.statusCode() != status) {
			throw new IllegalStateException(response.request().method() + " " + response.request().uri() + " answered "
					+ response.statusCode() + ": " + response.body());
		}
		return response;
	}

	private static URI url(String path) {
		return URI.create("http://" + address() + path);
	}

	private static String digest(byte[] bytes) {
		try {
			return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

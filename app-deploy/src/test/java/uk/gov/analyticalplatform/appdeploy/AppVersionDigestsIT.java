package uk.gov.analyticalplatform.appdeploy;

import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Versions registered by tag are pinned to the digest a real OCI registry serves (the
 * distribution project's registry, Debian's docker-registry, started by
 * {@code scripts/services.sh}): the test pushes a small image manifest to it in plain
 * HTTP, as a build would.
 */
@SpringBootTest(classes = AppDeployTestApplication.class)
@PlatformDatabase
class AppVersionDigestsIT {

	static final Caller ALICE = Caller.user(UUID.randomUUID().toString(), "alice");

	static final HttpClient HTTP = HttpClient.newHttpClient();

	static String registry;

	@Autowired
	Apps apps;

	@Autowired
	AppReleases releases;

	@BeforeAll
	static void registry() {
		registry = System.getenv("PLATFORM_REGISTRY");
		assertThat(registry).as("the OCI registry: run scripts/services.sh registry (or make services)").isNotBlank();
	}

	@Test
	void aTagIsPinnedToTheDigestTheRegistryServesAndATagThatMovesGivesANewVersion() throws Exception {
		String name = "pinned-" + UUID.randomUUID().toString().substring(0, 8);
		String repository = registry + "/moj/" + name;
		this.apps.register(ALICE, new NewApp(name, "A test app", "https://github.com/moj/" + name, repository));
		String first = push("moj/" + name, "v1", "one");

		AppVersion v1 = this.releases.register(ALICE, name, repository + ":v1");
		assertThat(v1.image()).isEqualTo(repository + "@" + first);
		assertThat(v1.resolution().state()).isEqualTo(ImageResolution.State.RESOLVED);
		assertThat(v1.resolution().requested()).isEqualTo(repository + ":v1");

		String second = push("moj/" + name, "v1", "two");
		AppVersion v2 = this.releases.register(ALICE, name, repository + ":v1");
		assertThat(second).isNotEqualTo(first);
		assertThat(v2.number()).isEqualTo(2);
		assertThat(v2.image()).isEqualTo(repository + "@" + second);
		// the same digest again is the same version
		assertThat(this.releases.register(ALICE, name, repository + ":v1").number()).isEqualTo(2);
		assertThat(this.releases.register(ALICE, name, repository + "@" + first).resolution().state())
			.isEqualTo(ImageResolution.State.DIGEST);
	}

	@Test
	void aTagTheRegistryDoesNotHaveIsRefused() {
		String name = "missing-" + UUID.randomUUID().toString().substring(0, 8);
		String repository = registry + "/moj/" + name;
		this.apps.register(ALICE, new NewApp(name, "A test app", "https://github.com/moj/" + name, repository));

		assertThatExceptionOfType(InvalidApp.class)
			.isThrownBy(() -> this.releases.register(ALICE, name, repository + ":nope"))
			.withMessageContaining("has no image " + repository + ":nope");
		assertThat(this.releases.versions(ALICE, name)).isEmpty();
	}

	@Test
	void aTagWhoseRegistryCannotBeReachedIsStoredAsGivenAndSaysWhy() throws Exception {
		int closed;
		try (ServerSocket socket = new ServerSocket(0)) {
			closed = socket.getLocalPort();
		}
		String name = "offline-" + UUID.randomUUID().toString().substring(0, 8);
		String repository = "127.0.0.1:" + closed + "/moj/" + name;
		this.apps.register(ALICE, new NewApp(name, "A test app", "https://github.com/moj/" + name, repository));

		AppVersion version = this.releases.register(ALICE, name, repository + ":v1");
		assertThat(version.image()).isEqualTo(repository + ":v1");
		assertThat(version.resolution().state()).isEqualTo(ImageResolution.State.UNRESOLVED);
		assertThat(version.resolution().reason()).contains("could not be reached");
	}

	/**
	 * Pushes a one-layer image whose layer holds the text; returns the manifest's digest.
	 */
	private static String push(String path, String tag, String content) throws Exception {
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
		HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(url("/v2/" + path + "/manifests/" + tag))
			.header("Content-Type", "application/vnd.oci.image.manifest.v1+json")
			.PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
		return digest(manifest);
	}

	private static void blob(String path, byte[] bytes) throws Exception {
		HttpResponse<String> started = HTTP.send(HttpRequest.newBuilder(url("/v2/" + path + "/blobs/uploads/"))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
		String location = started.headers().firstValue("Location").orElseThrow();
		URI upload = location.startsWith("http") ? URI.create(location) : url(location);
		String separator = (upload.getQuery() != null) ? "&" : "?";
		HttpResponse<String> put = HTTP
			.send(HttpRequest.newBuilder(URI.create(upload + separator + "digest=" + digest(bytes)))
				.header("Content-Type", "application/octet-stream")
				.PUT(HttpRequest.BodyPublishers.ofByteArray(bytes))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(put.statusCode()).as(put.body()).isEqualTo(201);
	}

	private static URI url(String path) {
		return URI.create("http://" + registry + path);
	}

	private static String digest(byte[] bytes) throws Exception {
		return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}

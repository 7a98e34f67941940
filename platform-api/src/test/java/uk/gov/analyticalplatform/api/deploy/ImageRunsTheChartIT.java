package uk.gov.analyticalplatform.api.deploy;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;

import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The image runs what the chart configures: its layers unpacked into a root filesystem
 * that is mounted read-only with a writable {@code /tmp} only, its entrypoint started
 * there (chroot in a user namespace, as a container runtime would, with no shell inside),
 * with the settings file and the environment of the chart's Deployment; it migrates a
 * fresh database and becomes ready.
 */
class ImageRunsTheChartIT {

	private static final Path CHART = Path.of("../helm/analytical-platform").toAbsolutePath();

	/** The Secrets the chart's minimal example names, with this test's values. */
	private static final Map<String, String> SECRETS = Map.of("analytical-platform-db-app/password",
			TestDatabases.APP_ROLE, "analytical-platform-db-owner/password", TestDatabases.OWNER_ROLE,
			"analytical-platform-keys/totp-2026", "dGVzdC1vbmx5LXRvdHAtZW5jcnlwdGlvbi1rZXktMDA=",
			"analytical-platform-keys/apps-2026", "dGVzdC1vbmx5LWFwcHMtc2VjcmV0LWtleS0wMDAwMDA=",
			"analytical-platform-keys/audit-2026", "dGVzdC1vbmx5LWNoZWNrcG9pbnQta2V5LW5vdC1mb3ItcHJvZHVjdGlvbi0wMQ==");

	/**
	 * Mounts the root read-only with proc and a tmpfs /tmp, then enters it; the shell is
	 * the host's, the image has none.
	 */
	private static final String CONTAINER = "set -e; root=$1; image_path=$2; shift 2; "
			+ "mount --rbind \"$root\" \"$root\"; mount -t proc proc \"$root/proc\"; "
			+ "mount -t tmpfs tmpfs \"$root/tmp\"; mount -o remount,bind,ro \"$root\"; "
			+ "chroot=$(command -v chroot); export PATH=\"$image_path\"; exec \"$chroot\" \"$root\" \"$@\";";

	@TempDir
	Path root;

	@Test
	void theImageStartsReadOnlyWithTheChartsSettingsAndBecomesReady() throws Exception {
		OciImage image = OciImage.read(ContainerImageIT.TARBALL);
		unpack(image);
		String database = TestDatabases.create("image");
		int http = sparePort();
		int management = sparePort();
		Map<String, Object> manifests = render(database, http, management);
		Path settings = this.root.resolve("etc/analytical-platform/application.yaml");
		Files.createDirectories(settings.getParent());
		Files.writeString(settings, (String) manifests.get("application.yaml"));
		Files.createDirectories(this.root.resolve("proc"));

		List<String> command = new ArrayList<>(List.of("unshare", "--user", "--map-root-user", "--mount", "--pid",
				"--fork", "--kill-child", "sh", "-c", CONTAINER, "sh", this.root.toString()));
		Map<String, String> imageEnvironment = new HashMap<>();
		image.config().path("Env").forEach((pair) -> {
			String[] split = pair.asString().split("=", 2);
			imageEnvironment.put(split[0], split[1]);
		});
		command.add(imageEnvironment.remove("PATH"));
		image.config().path("Entrypoint").forEach((arg) -> command.add(arg.asString()));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(Path.of("target/image-run.log").toFile());
		// the container's environment only: the image's, then the Deployment's; the
		// host's PATH
		// serves the mounting above until the entrypoint starts with the image's
		builder.environment().clear();
		builder.environment().put("PATH", "/usr/sbin:/usr/bin:/sbin:/bin");
		builder.environment().putAll(imageEnvironment);
		builder.environment().putAll(environment(manifests));
		Process container = builder.start();
		try {
			HttpClient client = HttpClient.newHttpClient();
			await().atMost(Duration.ofMinutes(4))
				.pollInterval(Duration.ofSeconds(1))
				.failFast("the container stopped; see target/image-run.log", () -> !container.isAlive())
				.until(() -> status(client, "http://127.0.0.1:" + management + "/actuator/health/readiness") == 200);
			assertThat(status(client, "http://127.0.0.1:" + http + "/sign-in")).isEqualTo(200);
			assertThat(Files.readString(Path.of("target/image-run.log"))).contains("Started PlatformApplication");
		}
		finally {
			container.descendants().forEach(ProcessHandle::destroy);
			container.destroy();
			container.waitFor(30, TimeUnit.SECONDS);
		}
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> render(String database, int http, int management) throws Exception {
		PlatformServices services = PlatformServices.get();
		List<String> command = List.of(services.helm(), "template", "ap", CHART.toString(), "--values",
				CHART.resolve("examples/minimal-values.yaml").toString(), "--set", "database.host=" + services.pgHost(),
				"--set", "database.port=" + services.pgPort(), "--set", "database.name=" + database, "--set",
				"database.sslMode=disable", "--set-json",
				"config={\"server\":{\"address\":\"127.0.0.1\",\"port\":" + http
						+ "},\"management\":{\"server\":{\"address\":\"127.0.0.1\",\"port\":" + management
						+ "}},\"platform\":{\"kubernetes\":{\"simulator\":true},\"aws\":{\"endpoint\":\""
						+ services.awsEndpoint() + "\",\"access-key-id\":\"test\",\"secret-access-key\":\"test\"},"
						+ "\"data-access\":{\"buckets\":{\"tls-only\":false}}}}");
		Process helm = new ProcessBuilder(command).redirectErrorStream(true).start();
		String rendered = new String(helm.getInputStream().readAllBytes());
		assertThat(helm.waitFor()).as(rendered).isZero();
		Map<String, Object> found = new HashMap<>();
		for (Object document : new Yaml().loadAll(rendered)) {
			Map<String, Object> manifest = (Map<String, Object>) document;
			if (manifest == null) {
				continue;
			}
			if ("ConfigMap".equals(manifest.get("kind"))) {
				found.put("application.yaml", ((Map<String, Object>) manifest.get("data")).get("application.yaml"));
			}
			if ("Deployment".equals(manifest.get("kind"))) {
				Map<String, Object> spec = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) manifest
					.get("spec")).get("template")).get("spec");
				found.put("env", ((Map<String, Object>) ((List<Object>) spec.get("containers")).get(0)).get("env"));
			}
		}
		return found;
	}

	/** The container's environment as the kubelet would make it from the Deployment. */
	@SuppressWarnings("unchecked")
	private static Map<String, String> environment(Map<String, Object> manifests) {
		Map<String, String> env = new HashMap<>();
		for (Map<String, Object> variable : (List<Map<String, Object>>) manifests.get("env")) {
			String name = (String) variable.get("name");
			if (variable.containsKey("value")) {
				env.put(name, (String) variable.get("value"));
			}
			else {
				Map<String, Object> ref = (Map<String, Object>) ((Map<String, Object>) variable.get("valueFrom"))
					.get("secretKeyRef");
				String value = SECRETS.get(ref.get("name") + "/" + ref.get("key"));
				assertThat(value).as("secret of %s", name).isNotNull();
				env.put(name, value);
			}
		}
		return env;
	}

	private void unpack(OciImage image) throws IOException {
		image.eachFile((entry) -> {
			Path target = this.root.resolve(entry.name()).normalize();
			assertThat(target).startsWithRaw(this.root);
			switch (entry.type()) {
				case '5' -> Files.createDirectories(target);
				case '2' -> {
					Files.createDirectories(target.getParent());
					Files.deleteIfExists(target);
					Files.createSymbolicLink(target, Path.of(entry.link()));
				}
				case '0', '\0' -> {
					Files.createDirectories(target.getParent());
					Files.write(target, entry.content());
					Files.setPosixFilePermissions(target, permissions(entry.mode()));
				}
				default -> throw new IllegalStateException("unexpected entry " + entry.name() + " " + entry.type());
			}
		});
	}

	private static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		PosixFilePermission[] bits = PosixFilePermission.values();
		for (int i = 0; i < 9; i++) {
			if ((mode & (1 << (8 - i))) != 0) {
				permissions.add(bits[i]);
			}
		}
		return permissions;
	}

	private static int status(HttpClient client, String url) {
		try {
			return client
				.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).build(),
						BodyHandlers.discarding())
				.statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private static int sparePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

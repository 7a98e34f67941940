package uk.gov.analyticalplatform.api.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The container image that {@code ./mvnw package} writes without a Docker daemon
 * ({@code target/jib-image.tar}, an OCI image layout): what a container runtime would
 * run.
 */
class ContainerImageIT {

	static final Path TARBALL = Path.of("target/jib-image.tar");

	static OciImage image;

	static Map<String, Integer> files;

	@BeforeAll
	static void read() throws Exception {
		image = OciImage.read(TARBALL);
		files = image.files();
		System.out.printf("container image: %d MB compressed, %d MB tarball%n", image.compressedSize() >> 20,
				Files.size(TARBALL) >> 20);
	}

	@Test
	void runsAsTheNumericNonRootUser() {
		assertThat(image.config().path("User").asString()).isEqualTo("65532:65532");
		assertThat(new String(contentOf("etc/passwd"))).contains("nonroot:x:65532:65532:");
	}

	@Test
	void startsTheJavaRuntimeDirectlySizedFromTheContainersMemory() {
		List<String> entrypoint = strings(image.config().path("Entrypoint"));

		assertThat(entrypoint).first().isEqualTo("/opt/java/bin/java");
		assertThat(entrypoint).contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
				"-Djava.io.tmpdir=/tmp");
		assertThat(entrypoint.subList(entrypoint.size() - 3, entrypoint.size())).containsExactly("-cp",
				"@/app/jib-classpath-file", "@/app/jib-main-class-file");
		assertThat(new String(contentOf("app/jib-main-class-file")).trim())
			.isEqualTo("uk.gov.analyticalplatform.api.PlatformApplication");
		assertThat(files.get("opt/java/bin/java") & 0111).as("java is executable").isEqualTo(0111);
		assertThat(image.config().path("Cmd").isMissingNode() || image.config().path("Cmd").isNull()).isTrue();
	}

	@Test
	void hasNoShellAndWritesOnlyToTmp() {
		assertThat(files).doesNotContainKeys("bin/sh", "bin/bash", "usr/bin/sh", "bin/busybox", "usr/bin/apt");
		assertThat(files.keySet()).noneMatch((path) -> path.endsWith("/sh") || path.endsWith("/dash"));
		assertThat(strings(image.config().path("Volumes").propertyNames())).containsExactly("/tmp");
		assertThat(image.config().path("WorkingDir").asString()).isEqualTo("/tmp");
	}

	@Test
	void exposesTheApplicationAndTheManagementPorts() {
		assertThat(strings(image.config().path("ExposedPorts").propertyNames())).containsExactlyInAnyOrder("8080/tcp",
				"8081/tcp");
	}

	@Test
	void isLabelledWithWhatItIs() {
		JsonNode labels = image.config().path("Labels");

		assertThat(labels.path("org.opencontainers.image.title").asString())
			.isEqualTo("Analytical Platform control plane");
		assertThat(labels.path("org.opencontainers.image.version").asString()).isNotBlank();
		assertThat(labels.path("org.opencontainers.image.revision").asString()).matches("[0-9a-f]{40}");
	}

	@Test
	void carriesTheRuntimeAndTheLibrariesItLinksTo() {
		assertThat(files).containsKeys("opt/java/lib/server/libjvm.so", "lib/x86_64-linux-gnu/libc.so.6",
				"lib64/ld-linux-x86-64.so.2", "opt/java/lib/security/cacerts");
		assertThat(files.keySet()).anyMatch((path) -> path.startsWith("app/libs/spring-boot-"));
		assertThat(files.keySet()).noneMatch((path) -> path.contains("libawt_xawt"));
	}

	private static byte[] contentOf(String path) {
		try {
			return contents(path);
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static byte[] contents(String path) throws Exception {
		List<byte[]> found = new ArrayList<>();
		image.eachFile((entry) -> {
			if (entry.name().equals(path)) {
				found.add(entry.content());
			}
		});
		assertThat(found).as(path).isNotEmpty();
		return found.get(found.size() - 1);
	}

	private static List<String> strings(Iterable<?> values) {
		List<String> strings = new ArrayList<>();
		values.forEach((value) -> strings.add((value instanceof JsonNode node) ? node.asString() : value.toString()));
		return strings;
	}

}

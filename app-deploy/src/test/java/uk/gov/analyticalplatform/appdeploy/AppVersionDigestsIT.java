package uk.gov.analyticalplatform.appdeploy;

import java.net.ServerSocket;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Versions registered by tag are pinned to the digest a real OCI registry serves (the
 * distribution project's registry, Debian's docker-registry, started by
 * {@code scripts/services.sh}): the test pushes a small image manifest to it in plain
 * HTTP, as a build would ({@link TestRegistry}).
 */
@SpringBootTest(classes = AppDeployTestApplication.class)
@PlatformDatabase
class AppVersionDigestsIT {

	static final Caller ALICE = Caller.user(UUID.randomUUID().toString(), "alice");

	static String registry;

	@Autowired
	Apps apps;

	@Autowired
	AppReleases releases;

	@BeforeAll
	static void registry() {
		registry = TestRegistry.address();
	}

	@Test
	void aTagIsPinnedToTheDigestTheRegistryServesAndATagThatMovesGivesANewVersion() {
		String name = "pinned-" + UUID.randomUUID().toString().substring(0, 8);
		String repository = registry + "/moj/" + name;
		this.apps.register(ALICE, new NewApp(name, "A test app", "https://github.com/moj/" + name, repository));
		String first = TestRegistry.push("moj/" + name, "v1", "one");

		AppVersion v1 = this.releases.register(ALICE, name, repository + ":v1");
		assertThat(v1.image()).isEqualTo(repository + "@" + first);
		assertThat(v1.resolution().state()).isEqualTo(ImageResolution.State.RESOLVED);
		assertThat(v1.resolution().requested()).isEqualTo(repository + ":v1");

		String second = TestRegistry.push("moj/" + name, "v1", "two");
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

}

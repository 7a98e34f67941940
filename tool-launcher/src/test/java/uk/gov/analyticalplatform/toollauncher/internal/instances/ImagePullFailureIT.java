package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A release whose image cannot be pulled, on the real local cluster: kwok's
 * {@code scripts/kwok/pod-image-pull-backoff.yaml} stage holds any pod with an image
 * under {@code registry.invalid/} waiting with reason ImagePullBackOff, as a kubelet
 * would.
 */
@SpringBootTest
@PlatformDatabase
class ImagePullFailureIT {

	static final String UNPULLABLE = "registry.invalid/analytical-platform/jupyterlab@sha256:" + "c".repeat(64);

	@Autowired
	ToolInstances instances;

	@Autowired
	ToolCatalogueAdmin catalogue;

	final ToolUser admin = new ToolUser(UUID.randomUUID(), "catalogue-admin", Set.of(), true);

	final ToolUser analyst = new ToolUser(UUID.randomUUID(), "pull-" + UUID.randomUUID().toString().substring(0, 6),
			Set.of(), false);

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().controlPlaneKubeconfig());
	}

	@AfterEach
	void deleteInstances() {
		this.instances.mine(this.analyst)
			.forEach((instance) -> this.instances.delete(this.analyst, instance.id(), true));
		await().atMost(Duration.ofMinutes(2)).until(() -> this.instances.mine(this.analyst).isEmpty());
	}

	@Test
	void anInstanceOfAReleaseWhoseImageCannotBePulledFailsWithImagePullBackOffNamingTheImage() {
		ToolRelease release = this.catalogue.addRelease(this.admin,
				new NewRelease(Tool.JUPYTERLAB, "unpullable-" + this.analyst.username().substring(5),
						"JupyterLab (cannot pull)", UNPULLABLE, 8888, "/api", List.of(), "small"));

		ToolInstance started = this.instances.create(this.analyst, Tool.JUPYTERLAB, release.name(), null);

		ToolInstance failed = await().atMost(Duration.ofSeconds(90))
			.until(() -> this.instances.get(this.analyst, started.id()),
					(instance) -> instance.phase() == InstancePhase.FAILED);
		assertThat(failed.reason()).startsWith("ImagePullBackOff").contains(UNPULLABLE);
		assertThat(failed.observedImage()).isEqualTo(UNPULLABLE);
	}

	@Test
	void stoppingAFailedInstanceEndsStoppedOnceItsPodIsGone() {
		ToolRelease release = this.catalogue.addRelease(this.admin,
				new NewRelease(Tool.JUPYTERLAB, "unpullable-stop-" + this.analyst.username().substring(5),
						"JupyterLab (cannot pull, stopped)", UNPULLABLE, 8888, "/api", List.of(), "small"));
		ToolInstance started = this.instances.create(this.analyst, Tool.JUPYTERLAB, release.name(), null);
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.instances.get(this.analyst, started.id()).phase() == InstancePhase.FAILED);

		this.instances.stopAsAdmin(this.admin, started.id());

		await().atMost(Duration.ofSeconds(60))
			.until(() -> this.instances.get(this.analyst, started.id()).phase() == InstancePhase.STOPPED);
	}

}

package uk.gov.analyticalplatform.kubernetes.internal;

import java.time.Duration;
import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.KubernetesCluster;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.kubernetes.internal.KubernetesObjectsIT.INSTANCE;
import static uk.gov.analyticalplatform.kubernetes.internal.KubernetesObjectsIT.deployment;
import static uk.gov.analyticalplatform.kubernetes.internal.KubernetesObjectsIT.namespace;

/**
 * The simulator of the local setup serves the same client code as a real cluster: objects
 * are applied, read back and pruned, deployments become ready, and the cluster says it is
 * simulated.
 */
class KubernetesAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(KubernetesAutoConfiguration.class));

	@Test
	void theSimulatorIsLabelledAsOneInWhichNoRealPodsRun() {
		this.runner.withPropertyValues("platform.kubernetes.simulator=true").run((context) -> {
			KubernetesCluster cluster = context.getBean(KubernetesCluster.class);
			assertThat(cluster.simulated()).isTrue();
			assertThat(cluster.server()).matches("http://(localhost|127\\.0\\.0\\.1):[0-9]+/");
			assertThat(cluster.description()).contains("no real pods run");
		});
	}

	@Test
	void theSimulatorAppliesObjectsAndMakesDeploymentsReady() {
		this.runner.withPropertyValues("platform.kubernetes.simulator=true").run((context) -> {
			KubernetesObjects objects = context.getBean(KubernetesObjects.class);
			Owner owner = Owner.of(INSTANCE, "simulated");
			List<Class<? extends HasMetadata>> kinds = List.of(Deployment.class, Namespace.class);

			Converged converged = objects.converge(owner,
					List.of(namespace("user-ada"), deployment("user-ada", "web", 1)), kinds);

			assertThat(converged.outcomes().values()).containsOnly(Outcome.CREATED);
			await().atMost(Duration.ofSeconds(10))
				.until(() -> objects.get(Deployment.class, "user-ada", "web").orElseThrow().getStatus(),
						(status) -> status != null && Integer.valueOf(1).equals(status.getReadyReplicas()));
			assertThat(objects.get(Pod.class, "user-ada", "web-simulated"))
				.hasValueSatisfying((pod) -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
			assertThat(objects.owned(Deployment.class, owner)).hasSize(1);

			assertThat(objects.converge(owner, List.of(namespace("user-ada")), kinds).count(Outcome.DELETED))
				.isEqualTo(1);
			assertThat(objects.get(Deployment.class, "user-ada", "web")).isEmpty();
		});
	}

	@Test
	void aKubeconfigIsUsedWhenGiven() {
		this.runner.withPropertyValues("platform.kubernetes.kubeconfig=src/test/resources/example.kubeconfig")
			.run((context) -> {
				KubernetesCluster cluster = context.getBean(KubernetesCluster.class);
				assertThat(cluster.simulated()).isFalse();
				assertThat(cluster.server()).isEqualTo("https://127.0.0.1:6443/");
				assertThat(cluster.description()).isEqualTo("Kubernetes API server https://127.0.0.1:6443/");
			});
	}

}

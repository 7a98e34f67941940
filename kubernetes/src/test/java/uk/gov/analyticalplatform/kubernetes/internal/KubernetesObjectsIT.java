package uk.gov.analyticalplatform.kubernetes.internal;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.Converged;
import uk.gov.analyticalplatform.kubernetes.ObjectRef;
import uk.gov.analyticalplatform.kubernetes.ObjectRejected;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Server-side apply, pruning and reading back, proven against the real local API server:
 * what it stored, what it refused and why.
 */
class KubernetesObjectsIT {

	static final String INSTANCE = "analytical-platform.uk/instance";

	static final List<Class<? extends HasMetadata>> KINDS = List.of(ConfigMap.class, Deployment.class, Namespace.class);

	static LocalCluster cluster;

	static Fabric8Objects objects;

	@BeforeAll
	static void connect() {
		cluster = new LocalCluster();
		objects = new Fabric8Objects(cluster.admin(), "analytical-platform");
	}

	@AfterAll
	static void disconnect() {
		cluster.close();
	}

	@Test
	void convergingCreatesThenChangesNothingThenPatchesThenPrunes() {
		String namespace = cluster.namespaceName();
		Owner owner = Owner.of(INSTANCE, namespace);
		List<HasMetadata> desired = List.of(namespace(namespace), configMap(namespace, "settings", "a"),
				deployment(namespace, "web", 1));

		Converged created = objects.converge(owner, desired, KINDS);
		assertThat(created.outcomes().values()).containsOnly(Outcome.CREATED);
		assertThat(objects.converge(owner, desired, KINDS).outcomes().values()).hasSize(3).containsOnly(Outcome.NOOP);

		Converged patched = objects.converge(owner,
				List.of(namespace(namespace), configMap(namespace, "settings", "b"), deployment(namespace, "web", 1)),
				KINDS);
		assertThat(patched.outcome(new ObjectRef("ConfigMap", namespace, "settings"))).isEqualTo(Outcome.PATCHED);
		assertThat(patched.count(Outcome.NOOP)).isEqualTo(2);
		assertThat(cluster.admin().configMaps().inNamespace(namespace).withName("settings").get().getData())
			.containsEntry("value", "b");

		Converged pruned = objects.converge(owner, List.of(namespace(namespace), deployment(namespace, "web", 1)),
				KINDS);
		assertThat(pruned.outcome(new ObjectRef("ConfigMap", namespace, "settings"))).isEqualTo(Outcome.DELETED);
		assertThat(cluster.admin().configMaps().inNamespace(namespace).withName("settings").get()).isNull();
	}

	@Test
	void aFirstApplyCreatesWhatConvergingWouldAndALaterConvergePrunesWhatItLeft() {
		String namespace = cluster.namespaceName();
		Owner owner = Owner.of(INSTANCE, namespace);
		List<HasMetadata> desired = List.of(namespace(namespace), configMap(namespace, "settings", "a"),
				deployment(namespace, "web", 1));

		Converged created = objects.create(owner, desired);

		assertThat(created.outcomes().keySet()).containsExactlyElementsOf(desired.stream().map(ObjectRef::of).toList());
		assertThat(created.outcomes().values()).containsOnly(Outcome.CREATED);
		assertThat(cluster.admin()
			.configMaps()
			.inNamespace(namespace)
			.withName("settings")
			.get()
			.getMetadata()
			.getLabels()).containsEntry(INSTANCE, namespace).containsEntry(Owner.MANAGED_BY, Owner.PLATFORM);
		assertThat(objects.converge(owner, desired, KINDS).outcomes().values()).hasSize(3).containsOnly(Outcome.NOOP);

		Converged pruned = objects.converge(owner, List.of(namespace(namespace), deployment(namespace, "web", 1)),
				KINDS);
		assertThat(pruned.outcome(new ObjectRef("ConfigMap", namespace, "settings"))).isEqualTo(Outcome.DELETED);
	}

	@Test
	void storedObjectsCarryTheOwnersLabelsAndOneFieldManager() {
		String namespace = cluster.namespace();
		Owner owner = new Owner(Map.of(INSTANCE, "i-1", "analytical-platform.uk/owner", "ada"));

		objects.apply(owner, configMap(namespace, "labelled", "x"));

		ConfigMap stored = cluster.admin().configMaps().inNamespace(namespace).withName("labelled").get();
		assertThat(stored.getMetadata().getLabels()).containsEntry(INSTANCE, "i-1")
			.containsEntry("analytical-platform.uk/owner", "ada")
			.containsEntry("app.kubernetes.io/managed-by", "analytical-platform")
			.containsEntry("purpose", "test");
		assertThat(stored.getMetadata().getManagedFields()).singleElement().satisfies((field) -> {
			assertThat(field.getManager()).isEqualTo("analytical-platform");
			assertThat(field.getOperation()).isEqualTo("Apply");
		});
	}

	@Test
	void pruningLeavesOtherOwnersAndUnlabelledObjectsAlone() {
		String namespace = cluster.namespace();
		objects.apply(Owner.of(INSTANCE, "other"), configMap(namespace, "theirs", "x"));
		cluster.admin().configMaps().inNamespace(namespace).resource(configMap(namespace, "by-hand", "y")).create();

		Converged converged = objects.converge(Owner.of(INSTANCE, "mine"), List.of(), KINDS);

		assertThat(converged.outcomes()).isEmpty();
		assertThat(cluster.admin().configMaps().inNamespace(namespace).list().getItems())
			.extracting((map) -> map.getMetadata().getName())
			.contains("theirs", "by-hand");
	}

	@Test
	void anObjectEditedByHandIsRestoredAndReportedPatched() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "drift");
		objects.converge(owner, List.of(deployment(namespace, "web", 1)), KINDS);
		cluster.admin().apps().deployments().inNamespace(namespace).withName("web").scale(0);

		Converged restored = objects.converge(owner, List.of(deployment(namespace, "web", 1)), KINDS);

		assertThat(restored.summary()).isEqualTo(Outcome.PATCHED);
		assertThat(cluster.admin()
			.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("web")
			.get()
			.getSpec()
			.getReplicas()).isEqualTo(1);
	}

	@Test
	void invalidObjectsAreRefusedWithTheApiServersReason() {
		String namespace = cluster.namespace();
		Owner owner = Owner.of(INSTANCE, "invalid");

		assertThatExceptionOfType(ObjectRejected.class)
			.isThrownBy(() -> objects.apply(owner, deployment(namespace, "negative", -1)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(422))
			.withMessageContaining("Deployment " + namespace + "/negative")
			.withMessageContaining("spec.replicas");
		Deployment badPort = deployment(namespace, "port", 1);
		badPort.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0).setContainerPort(70000);
		assertThatExceptionOfType(ObjectRejected.class).isThrownBy(() -> objects.apply(owner, badPort))
			.withMessageContaining("containerPort");
		Deployment mismatched = deployment(namespace, "selector", 1);
		mismatched.getSpec().getSelector().setMatchLabels(Map.of("app", "elsewhere"));
		assertThatExceptionOfType(ObjectRejected.class).isThrownBy(() -> objects.apply(owner, mismatched))
			.withMessageContaining("selector");
		ConfigMap badLabel = configMap(namespace, "label", "x");
		badLabel.getMetadata().getLabels().put("bad label!", "x");
		assertThatExceptionOfType(ObjectRejected.class).isThrownBy(() -> objects.apply(owner, badLabel))
			.withMessageContaining("metadata.labels");
		assertThat(cluster.admin().apps().deployments().inNamespace(namespace).list().getItems()).isEmpty();
	}

	@Test
	void aWorkloadIsNeverAppliedWhenAnObjectBeforeItWasRefusedWhileTheRestOfThatWaveIsApplied() {
		String namespace = cluster.namespaceName();
		Owner owner = Owner.of(INSTANCE, namespace);
		ConfigMap refused = configMap(namespace, "refused", "x");
		refused.getMetadata().getLabels().put("bad label!", "x");
		List<HasMetadata> desired = List.of(namespace(namespace), configMap(namespace, "before", "a"), refused,
				configMap(namespace, "after", "b"), deployment(namespace, "web", 1));

		// the namespace goes first (the config maps could not be made without it), the
		// three config maps at once, the Deployment only if all three were applied
		assertThatExceptionOfType(ObjectRejected.class).isThrownBy(() -> objects.create(owner, desired))
			.withMessageContaining("ConfigMap " + namespace + "/refused");

		assertThat(cluster.admin().configMaps().inNamespace(namespace).withLabel("purpose", "test").list().getItems())
			.extracting((map) -> map.getMetadata().getName())
			.containsExactlyInAnyOrder("before", "after");
		assertThat(cluster.admin().apps().deployments().inNamespace(namespace).withName("web").get()).isNull();
		refused.getMetadata().getLabels().remove("bad label!");
		assertThat(objects.converge(owner, desired, KINDS).outcome(new ObjectRef("Deployment", namespace, "web")))
			.isEqualTo(Outcome.CREATED);
	}

	@Test
	void aDeploymentsPodIsScheduledOnTheKwokNodeAndBecomesReady() {
		String namespace = cluster.namespace();
		objects.apply(Owner.of(INSTANCE, "ready"), deployment(namespace, "web", 1));

		await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
			List<Pod> pods = cluster.admin().pods().inNamespace(namespace).withLabel("app", "web").list().getItems();
			assertThat(pods).singleElement().satisfies((pod) -> {
				assertThat(pod.getSpec().getNodeName()).isEqualTo("kwok-node-0");
				assertThat(pod.getStatus().getPhase()).isEqualTo("Running");
				assertThat(pod.getStatus().getConditions())
					.anySatisfy((condition) -> assertThat(condition.getType() + "=" + condition.getStatus())
						.isEqualTo("Ready=True"));
			});
		});
		await().atMost(Duration.ofSeconds(30))
			.until(() -> objects.get(Deployment.class, namespace, "web").orElseThrow().getStatus().getReadyReplicas(),
					(ready) -> ready != null && ready == 1);
	}

	static Namespace namespace(String name) {
		return new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build();
	}

	static ConfigMap configMap(String namespace, String name, String value) {
		return new ConfigMapBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.addToLabels("purpose", "test")
			.endMetadata()
			.addToData("value", value)
			.build();
	}

	static Deployment deployment(String namespace, String name, int replicas) {
		return new DeploymentBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withReplicas(replicas)
			.withNewSelector()
			.addToMatchLabels("app", name)
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.addToLabels("app", name)
			.endMetadata()
			.withNewSpec()
			.addNewContainer()
			.withName("main")
			.withImage("registry.example/web@sha256:" + "0".repeat(64))
			.addNewPort()
			.withContainerPort(8080)
			.endPort()
			.endContainer()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

}

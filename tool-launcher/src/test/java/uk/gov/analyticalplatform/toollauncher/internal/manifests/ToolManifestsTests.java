package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.Workloads;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;

import static org.assertj.core.api.Assertions.assertThat;

class ToolManifestsTests {

	static final ResourceProfile SMALL = new ResourceProfile("small", "Small", 500, 1000, 2048, 4096,
			Duration.ofHours(8), null);

	static final ToolSettings SETTINGS = new ToolSettings("tools.example.org", "nginx",
			Map.of("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600"),
			ToolSettings.ingressNginxAuth("https://cp.example.org/authz/tools", "https://cp.example.org/authz/sign-in"),
			"ingress-nginx", "analyst", "10Gi", null, Map.of("pods", "6", "requests.cpu", "8"));

	static final UUID ID = UUID.fromString("11111111-2222-3333-4444-555555555555");

	static final String ROLE = "arn:aws:iam::123456789012:role/ap_user_alice";

	static DesiredInstance jupyter(boolean running) {
		return jupyter(running, ROLE);
	}

	static DesiredInstance jupyter(boolean running, String podRole) {
		return new DesiredInstance(ID, "user-alice", "alice-jupyterlab", Tool.JUPYTERLAB,
				"quay.io/jupyter/scipy-notebook@sha256:" + "a".repeat(64), 8888, "/api", List.of("start-notebook.py"),
				SMALL, running, 2, podRole);
	}

	@Test
	void aUsersNamespaceComesFirstWithItsQuotaLimitsAccountAndPolicy() {
		List<HasMetadata> objects = ToolManifests.userObjects(new DesiredUser("u-1", "user-alice", null), SETTINGS);

		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("Namespace", "ResourceQuota", "LimitRange", "ServiceAccount", "NetworkPolicy");
		assertThat(objects.get(0).getMetadata().getName()).isEqualTo("user-alice");
		assertThat(objects.subList(1, 5))
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).isEqualTo("user-alice"));
		assertThat(objects.get(0).getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce",
				"restricted");
	}

	@Test
	void theServiceAccountCarriesTheUsersRoleForIrsaOnlyOnceThereIsOne() {
		ServiceAccount without = ToolManifests.serviceAccount(new DesiredUser("u-1", "user-alice", null), SETTINGS);
		ServiceAccount with = ToolManifests.serviceAccount(
				new DesiredUser("u-1", "user-alice", "arn:aws:iam::123456789012:role/ap_user_alice"), SETTINGS);

		assertThat(without.getMetadata().getAnnotations()).isNullOrEmpty();
		assertThat(with.getMetadata().getName()).isEqualTo("analyst");
		assertThat(with.getMetadata().getAnnotations())
			.containsExactly(Map.entry(ToolManifests.IRSA_ANNOTATION, "arn:aws:iam::123456789012:role/ap_user_alice"));
		assertThat(with.getAutomountServiceAccountToken()).isFalse();
	}

	@Test
	void theNetworkPolicyDeniesEveryIngressButTheIngressControllers() {
		NetworkPolicy policy = ToolManifests.networkPolicy(new DesiredUser("u-1", "user-alice", null), SETTINGS);

		assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(policy.getSpec().getIngress()).singleElement()
			.satisfies((rule) -> assertThat(rule.getFrom()).singleElement()
				.satisfies((peer) -> assertThat(peer.getNamespaceSelector().getMatchLabels())
					.containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"))));
	}

	@Test
	void anInstanceIsAHomeVolumeServiceIngressAndLastTheDeploymentInTheUsersNamespace() {
		List<HasMetadata> objects = ToolManifests.instanceObjects(jupyter(true), SETTINGS);

		// applied in this order: no pod is Ready (the tool READY) before it can be
		// reached
		assertThat(objects).extracting(HasMetadata::getKind)
			.containsExactly("PersistentVolumeClaim", "Service", "Ingress", "Deployment");
		assertThat(objects).allSatisfy((object) -> {
			assertThat(object.getMetadata().getNamespace()).isEqualTo("user-alice");
			assertThat(object.getMetadata().getLabels()).containsEntry(ToolManifests.TOOL_LABEL, "jupyterlab");
		});
		assertThat(objects.get(0).getMetadata().getName()).isEqualTo("home-jupyterlab");
	}

	@Test
	void theServiceIsHeadlessForTheIngressControllerReachesThePodDirectly() {
		Service service = ToolManifests.service(jupyter(true));

		assertThat(service.getSpec().getClusterIP()).isEqualTo("None");
		assertThat(service.getSpec().getSelector()).containsEntry(ToolManifests.INSTANCE_LABEL, ID.toString());
		assertThat(service.getSpec().getPorts()).singleElement()
			.satisfies((port) -> assertThat(port.getTargetPort().getStrVal()).isEqualTo("http"));
	}

	@Test
	void thePodRunsThePinnedImageLockedDownWithTheProfilesResources() {
		Deployment deployment = ToolManifests.deployment(jupyter(true), SETTINGS);
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		Container container = pod.getContainers().get(0);

		assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
		assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
		assertThat(container.getImage()).endsWith("@sha256:" + "a".repeat(64));
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container.getResources().getRequests()).containsEntry("cpu", new Quantity("500m"))
			.containsEntry("memory", new Quantity("2048Mi"));
		assertThat(container.getResources().getLimits()).containsEntry("cpu", new Quantity("1000m"))
			.containsEntry("memory", new Quantity("4096Mi"));
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/api");
		assertThat(container.getVolumeMounts()).singleElement()
			.satisfies((mount) -> assertThat(mount.getMountPath()).isEqualTo("/home/jovyan"));
		assertThat(pod.getServiceAccountName()).isEqualTo("analyst");
	}

	@Test
	void thePodsCarryTheInstanceLabelAndTheRestartCount() {
		Deployment deployment = ToolManifests.deployment(jupyter(true), SETTINGS);

		assertThat(deployment.getSpec().getSelector().getMatchLabels())
			.containsExactly(Map.entry(ToolManifests.INSTANCE_LABEL, ID.toString()));
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsEntry(ToolManifests.INSTANCE_LABEL, ID.toString())
			.containsEntry("app.kubernetes.io/managed-by", "analytical-platform");
		assertThat(deployment.getSpec().getTemplate().getMetadata().getAnnotations())
			.containsEntry(ToolManifests.RESTARTS_ANNOTATION, "2");
	}

	@Test
	void thePodTemplateRecordsTheRoleItsPodsAreCreatedWithEmptyForNoneAndNothingWhenNotGiven() {
		assertThat(ToolManifests.deployment(jupyter(true, ROLE), SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()).containsEntry(Workloads.POD_ROLE_ANNOTATION, ROLE);
		assertThat(ToolManifests.deployment(jupyter(true, ""), SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()).containsEntry(Workloads.POD_ROLE_ANNOTATION, "");
		assertThat(ToolManifests.deployment(jupyter(true, null), SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()).containsOnlyKeys(ToolManifests.RESTARTS_ANNOTATION);
	}

	@Test
	void aStoppedInstanceKeepsItsObjectsWithNoReplicas() {
		assertThat(ToolManifests.deployment(jupyter(false), SETTINGS).getSpec().getReplicas()).isZero();
		assertThat(ToolManifests.instanceObjects(jupyter(false), SETTINGS)).hasSize(4);
	}

	@Test
	void theIngressServesTheUsersHostBehindTheGate() {
		Ingress ingress = ToolManifests.ingress(jupyter(true), SETTINGS);

		assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
		assertThat(ingress.getSpec().getRules()).singleElement()
			.satisfies((rule) -> assertThat(rule.getHost()).isEqualTo("alice-jupyterlab.tools.example.org"));
		assertThat(ingress.getMetadata().getAnnotations())
			.containsEntry("nginx.ingress.kubernetes.io/auth-url", "https://cp.example.org/authz/tools")
			.containsEntry("nginx.ingress.kubernetes.io/auth-signin", "https://cp.example.org/authz/sign-in")
			.containsEntry("nginx.ingress.kubernetes.io/auth-response-headers",
					"X-Auth-Request-User,X-Auth-Request-Email")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600");
	}

	@Test
	void eachToolMountsTheHomeItsImageUses() {
		assertThat(ToolManifests.homePath(Tool.RSTUDIO)).isEqualTo("/home/rstudio");
		assertThat(ToolManifests.homePath(Tool.VSCODE)).isEqualTo("/home/coder");
	}

}

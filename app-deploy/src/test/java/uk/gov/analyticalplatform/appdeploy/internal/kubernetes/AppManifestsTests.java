package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.appdeploy.internal.apps.AppSpec;

import static org.assertj.core.api.Assertions.assertThat;

class AppManifestsTests {

	static final AppManifests.Settings SETTINGS = new AppManifests.Settings("apps.example.gov.uk", 8080, "nginx",
			"ingress-nginx",
			Map.of("nginx.ingress.kubernetes.io/proxy-body-size", "10m", "nginx.ingress.kubernetes.io/auth-url",
					"https://evil.example"),
			"http://control-plane.platform.svc/authz/apps", "https://control.example.gov.uk/authz/sign-in", "100m", "1",
			"256Mi", "1Gi");

	static final AppSpec DEPLOYED = new AppSpec(UUID.randomUUID(), "bail-dashboard", 3,
			"ghcr.io/moj/bail-dashboard@sha256:" + "a".repeat(64), Map.of("MODE", "live"),
			Map.of("DB_PASSWORD", "s3cret"));

	static final String ROLE = "arn:aws:iam::123456789012:role/ap-app-bail-dashboard";

	@Test
	void anAppWithoutAVersionHasItsNamespaceIdentityPoliciesAndSecretOnly() {
		AppSpec registered = new AppSpec(UUID.randomUUID(), "new-app", null, null, Map.of(), Map.of());
		List<HasMetadata> objects = AppManifests.desired(registered, null, SETTINGS);
		assertThat(objects).extracting((object) -> object.getKind() + " " + object.getMetadata().getName())
			.containsExactly("Namespace app-new-app", "ServiceAccount app", "NetworkPolicy default-deny",
					"NetworkPolicy admit-ingress-controller", "Secret app-secrets");
		assertThat(objects.subList(1, objects.size()))
			.allSatisfy((object) -> assertThat(object.getMetadata().getNamespace()).isEqualTo("app-new-app"));
	}

	@Test
	void aDeployedAppsDeploymentComesLastSoNoVersionRunsBeforeItCanBeReached() {
		List<HasMetadata> objects = AppManifests.desired(DEPLOYED, ROLE, SETTINGS);
		assertThat(objects).extracting(HasMetadata::getKind).endsWith("Service", "Ingress", "Deployment");
	}

	@Test
	void aDeployedAppRunsItsVersionUnprivilegedWithLimitsAProbeAndNoUnavailableReplica() {
		Deployment deployment = only(Deployment.class);
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal()).isZero();
		assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal()).isOne();
		PodSpec pod = deployment.getSpec().getTemplate().getSpec();
		assertThat(pod.getServiceAccountName()).isEqualTo("app");
		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		Container container = pod.getContainers().get(0);
		assertThat(container.getImage()).isEqualTo(DEPLOYED.image());
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
		assertThat(container.getReadinessProbe().getTcpSocket().getPort().getStrVal()).isEqualTo("http");
		assertThat(container.getEnv()).singleElement()
			.satisfies((env) -> assertThat(env.getName() + "=" + env.getValue()).isEqualTo("MODE=live"));
		assertThat(container.getEnvFrom().get(0).getSecretRef().getName()).isEqualTo("app-secrets");
		assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
			.containsEntry(AppManifests.APP_LABEL, "bail-dashboard")
			.containsEntry(AppManifests.VERSION_LABEL, "3");
	}

	@Test
	void aChangedSecretChangesThePodTemplateSoThatPodsRestart() {
		AppSpec changed = new AppSpec(DEPLOYED.id(), DEPLOYED.name(), 3, DEPLOYED.image(), DEPLOYED.environment(),
				Map.of("DB_PASSWORD", "rotated"));
		String before = AppManifests.deployment(DEPLOYED, ROLE, SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()
			.get(AppManifests.SECRETS_CHECKSUM);
		String after = AppManifests.deployment(changed, ROLE, SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()
			.get(AppManifests.SECRETS_CHECKSUM);
		assertThat(after).isNotEqualTo(before).doesNotContain("rotated");
	}

	@Test
	void aRoleThatAppearsOrChangesChangesThePodTemplateSoThatPodsAreCreatedWithIt() {
		Map<String, String> without = AppManifests.deployment(DEPLOYED, null, SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations();
		Map<String, String> with = AppManifests.deployment(DEPLOYED, ROLE, SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations();
		Map<String, String> replaced = AppManifests.deployment(DEPLOYED, ROLE + "-2", SETTINGS)
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations();
		assertThat(without).doesNotContainKey(AppManifests.POD_ROLE).containsKey(AppManifests.SECRETS_CHECKSUM);
		assertThat(with).containsEntry(AppManifests.POD_ROLE, ROLE);
		assertThat(replaced).containsEntry(AppManifests.POD_ROLE, ROLE + "-2");
	}

	@Test
	void theSecretCarriesTheValuesAndTheServiceAccountTheAppsRole() {
		Secret secret = only(Secret.class);
		assertThat(new String(Base64.getDecoder().decode(secret.getData().get("DB_PASSWORD")), StandardCharsets.UTF_8))
			.isEqualTo("s3cret");
		assertThat(only(ServiceAccount.class).getMetadata().getAnnotations())
			.containsEntry("eks.amazonaws.com/role-arn", ROLE);
	}

	@Test
	void theIngressServesTheAppsHostBehindTheGateWhoseAnnotationsCannotBeOverridden() {
		Ingress ingress = only(Ingress.class);
		assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("bail-dashboard.apps.example.gov.uk");
		assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
		assertThat(ingress.getMetadata().getAnnotations())
			.containsEntry("nginx.ingress.kubernetes.io/auth-url", "http://control-plane.platform.svc/authz/apps")
			.containsEntry("nginx.ingress.kubernetes.io/auth-signin", "https://control.example.gov.uk/authz/sign-in")
			.containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "10m");
	}

	@Test
	void onlyTheIngressControllerMayReachTheAppAndNothingElse() {
		List<NetworkPolicy> policies = AppManifests.desired(DEPLOYED, ROLE, SETTINGS)
			.stream()
			.filter(NetworkPolicy.class::isInstance)
			.map(NetworkPolicy.class::cast)
			.toList();
		NetworkPolicy deny = policies.get(0);
		assertThat(deny.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(deny.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(deny.getSpec().getIngress()).isNullOrEmpty();
		NetworkPolicy admit = policies.get(1);
		assertThat(admit.getSpec().getIngress()).singleElement().satisfies((rule) -> {
			assertThat(rule.getFrom()).singleElement()
				.satisfies((peer) -> assertThat(peer.getNamespaceSelector().getMatchLabels())
					.containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx")));
			assertThat(rule.getPorts()).singleElement()
				.satisfies((port) -> assertThat(port.getPort().getIntVal()).isEqualTo(8080));
		});
	}

	private static <T extends HasMetadata> T only(Class<T> kind) {
		return AppManifests.desired(DEPLOYED, ROLE, SETTINGS)
			.stream()
			.filter(kind::isInstance)
			.map(kind::cast)
			.reduce((a, b) -> {
				throw new AssertionError("more than one " + kind.getSimpleName());
			})
			.orElseThrow();
	}

}

package uk.gov.analyticalplatform.kubernetes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadsTests {

	@Test
	void aRestrictedNamespaceEnforcesTheRestrictedPodSecurityStandard() {
		assertThat(Workloads.restrictedNamespace("user-alice").getMetadata().getLabels())
			.containsExactly(Map.entry("pod-security.kubernetes.io/enforce", "restricted"));
		assertThat(Workloads.restrictedNamespace("user-alice").getMetadata().getName()).isEqualTo("user-alice");
	}

	@Test
	void aRestrictedPodRunsAsItsNonRootUserWithTheDefaultSeccompProfile() {
		PodSecurityContext pod = Workloads.restrictedPod(1000L, 1000L, 100L);

		assertThat(pod.getRunAsNonRoot()).isTrue();
		assertThat(pod.getRunAsUser()).isEqualTo(1000L);
		assertThat(pod.getRunAsGroup()).isEqualTo(1000L);
		assertThat(pod.getFsGroup()).isEqualTo(100L);
		assertThat(pod.getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(Workloads.restrictedPod(1000L, null, 1000L).getRunAsGroup()).as("the image's group").isNull();
	}

	@Test
	void aRestrictedContainerCannotGainPrivilegesAndHoldsNoCapability() {
		SecurityContext container = Workloads.restrictedContainer().withReadOnlyRootFilesystem(true).build();

		assertThat(container.getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getCapabilities().getAdd()).isEmpty();
		assertThat(container.getPrivileged()).isNull();
		assertThat(container.getReadOnlyRootFilesystem()).isTrue();
	}

	@Test
	void denyingAllIngressSelectsEveryPodAndAdmitsNothing() {
		NetworkPolicy policy = Workloads.denyAllIngress("app-x", "default-deny");

		assertThat(policy.getMetadata().getNamespace()).isEqualTo("app-x");
		assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		assertThat(policy.getSpec().getIngress()).isEmpty();
	}

	@Test
	void theIngressControllersNamespaceIsTheOnlySourceAdmittedOnTheGivenPort() {
		NetworkPolicy policy = Workloads.admitIngressController("app-x", "admit", Map.of("app", "x"), "ingress-nginx",
				8080);

		assertThat(policy.getSpec().getPodSelector().getMatchLabels()).containsExactly(Map.entry("app", "x"));
		assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Ingress");
		NetworkPolicyIngressRule rule = policy.getSpec().getIngress().get(0);
		assertThat(policy.getSpec().getIngress()).hasSize(1);
		assertThat(rule.getFrom()).hasSize(1);
		assertThat(rule.getFrom().get(0).getNamespaceSelector().getMatchLabels())
			.containsExactly(Map.entry("kubernetes.io/metadata.name", "ingress-nginx"));
		assertThat(rule.getFrom().get(0).getPodSelector()).isNull();
		assertThat(rule.getPorts()).singleElement().satisfies((port) -> {
			assertThat(port.getProtocol()).isEqualTo("TCP");
			assertThat(port.getPort().getIntVal()).isEqualTo(8080);
		});
	}

	@Test
	void withoutPodLabelsOrPortEveryPodIsAdmittedToOnEveryPort() {
		NetworkPolicy policy = Workloads.admitIngressController("user-alice", "default-deny-except-ingress", Map.of(),
				"ingress-nginx", null);

		assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
		assertThat(policy.getSpec().getIngress().get(0).getPorts()).isEmpty();
	}

}

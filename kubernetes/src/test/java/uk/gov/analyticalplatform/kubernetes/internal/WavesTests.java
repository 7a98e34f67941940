package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.List;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WavesTests {

	static final String NS = "user-ada";

	@Test
	void aNamespaceGoesAloneBeforeWhatLivesInItWhichGoesTogether() {
		List<HasMetadata> user = List.of(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build(),
				new ResourceQuotaBuilder().withNewMetadata().withName("quota").withNamespace(NS).endMetadata().build(),
				new LimitRangeBuilder().withNewMetadata().withName("limits").withNamespace(NS).endMetadata().build(),
				new ServiceAccountBuilder().withNewMetadata().withName("tools").withNamespace(NS).endMetadata().build(),
				new NetworkPolicyBuilder().withNewMetadata().withName("deny").withNamespace(NS).endMetadata().build());

		assertThat(kinds(Waves.of(user))).containsExactly(List.of("Namespace"),
				List.of("ResourceQuota", "LimitRange", "ServiceAccount", "NetworkPolicy"));
	}

	@Test
	void aWorkloadGoesAloneAfterEverythingBeforeIt() {
		List<HasMetadata> instance = List.of(
				new PersistentVolumeClaimBuilder().withNewMetadata()
					.withName("home")
					.withNamespace(NS)
					.endMetadata()
					.build(),
				new ServiceBuilder().withNewMetadata().withName("jupyterlab").withNamespace(NS).endMetadata().build(),
				new IngressBuilder().withNewMetadata().withName("jupyterlab").withNamespace(NS).endMetadata().build(),
				new DeploymentBuilder().withNewMetadata()
					.withName("jupyterlab")
					.withNamespace(NS)
					.endMetadata()
					.build());

		assertThat(kinds(Waves.of(instance))).containsExactly(List.of("PersistentVolumeClaim", "Service", "Ingress"),
				List.of("Deployment"));
	}

	@Test
	void theGivenOrderIsKeptAcrossWaves() {
		List<HasMetadata> mixed = List.of(
				new DeploymentBuilder().withNewMetadata().withName("first").withNamespace(NS).endMetadata().build(),
				new ServiceBuilder().withNewMetadata().withName("a").withNamespace(NS).endMetadata().build(),
				new NamespaceBuilder().withNewMetadata().withName("other").endMetadata().build(),
				new ServiceBuilder().withNewMetadata().withName("b").withNamespace("other").endMetadata().build());

		assertThat(kinds(Waves.of(mixed))).containsExactly(List.of("Deployment"), List.of("Service"),
				List.of("Namespace"), List.of("Service"));
		assertThat(Waves.of(List.of())).isEmpty();
	}

	private static List<List<String>> kinds(List<List<HasMetadata>> waves) {
		return waves.stream().map((wave) -> wave.stream().map(HasMetadata::getKind).toList()).toList();
	}

}

package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.Map;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.kubernetes.Owner;

import static org.assertj.core.api.Assertions.assertThat;

class LabellingTests {

	private static final Owner OWNER = Owner.of("analytical-platform.uk/tool-instance", "42");

	@Test
	void theCopyCarriesTheOwnersLabelsAndTheCallersObjectIsLeftAlone() {
		Deployment desired = new DeploymentBuilder().withNewMetadata()
			.withName("jupyterlab")
			.withNamespace("user-alice")
			.withResourceVersion("7")
			.addToLabels("analytical-platform.uk/tool", "jupyterlab")
			.endMetadata()
			.withNewSpec()
			.withReplicas(1)
			.endSpec()
			.build();
		Deployment before = new DeploymentBuilder(desired).build();

		HasMetadata labelled = Labelling.withOwner(desired, OWNER);

		assertThat(labelled).isInstanceOf(Deployment.class).isNotSameAs(desired);
		assertThat(labelled.getMetadata().getLabels()).containsEntry("analytical-platform.uk/tool", "jupyterlab")
			.containsAllEntriesOf(OWNER.selector());
		assertThat(labelled.getMetadata().getResourceVersion()).isNull();
		assertThat(((Deployment) labelled).getSpec()).isEqualTo(desired.getSpec());
		assertThat(desired).isEqualTo(before);
	}

	@Test
	void anObjectOfAKindWithoutABuilderIsCopiedToo() {
		GenericKubernetesResource desired = new GenericKubernetesResourceBuilder().withApiVersion("example.org/v1")
			.withKind("Thing")
			.withNewMetadata()
			.withName("thing")
			.endMetadata()
			.withAdditionalProperties(Map.of("spec", Map.of("size", 3)))
			.build();

		HasMetadata labelled = Labelling.withOwner(desired, OWNER);

		assertThat(labelled.getMetadata().getLabels()).containsAllEntriesOf(OWNER.selector());
		assertThat(desired.getMetadata().getLabels()).isNullOrEmpty();
		assertThat(((GenericKubernetesResource) labelled).getAdditionalProperties()).containsKey("spec");
	}

}

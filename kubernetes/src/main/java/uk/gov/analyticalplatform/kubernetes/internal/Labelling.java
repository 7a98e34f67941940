package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import uk.gov.analyticalplatform.kubernetes.Owner;

/** Marks a copy of a desired object as the owner's, leaving the caller's object alone. */
final class Labelling {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Labelling() {
	}

	static HasMetadata withOwner(HasMetadata desired, Owner owner) {
		HasMetadata copy = SERIALIZATION.clone(desired);
		Map<String, String> labels = new LinkedHashMap<>();
		if (copy.getMetadata().getLabels() != null) {
			labels.putAll(copy.getMetadata().getLabels());
		}
		labels.putAll(owner.selector());
		copy.getMetadata().setLabels(labels);
		copy.getMetadata().setResourceVersion(null);
		copy.getMetadata().setManagedFields(null);
		return copy;
	}

}

package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import io.fabric8.kubernetes.api.builder.Builder;
import io.fabric8.kubernetes.api.builder.Editable;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

import uk.gov.analyticalplatform.kubernetes.Owner;

/** Marks a copy of a desired object as the owner's, leaving the caller's object alone. */
final class Labelling {

	private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

	private Labelling() {
	}

	static HasMetadata withOwner(HasMetadata desired, Owner owner) {
		HasMetadata copy = copy(desired);
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

	/**
	 * A copy through the model's own builder (every built-in kind has one, and it copies
	 * the metadata it is given); through JSON only for a kind without. A JSON round trip
	 * per object was a fifth of the control plane's CPU while 200 tools started.
	 */
	private static HasMetadata copy(HasMetadata desired) {
		if (desired instanceof Editable<?> editable && editable.edit() instanceof Builder<?> builder
				&& builder.build() instanceof HasMetadata copy && copy.getMetadata() != desired.getMetadata()) {
			return copy;
		}
		return SERIALIZATION.clone(desired);
	}

}

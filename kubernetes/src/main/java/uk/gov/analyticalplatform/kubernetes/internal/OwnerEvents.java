package uk.gov.analyticalplatform.kubernetes.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.MixedOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * An informer over the platform's objects of one kind that reports the owner label of
 * each object that is added, changed or deleted.
 */
final class OwnerEvents<T extends HasMetadata> implements ResourceEventHandler<T> {

	/**
	 * The informer's index of its objects by the owner label's value: an owner's objects
	 * are found without a scan of every object the informer holds (one per running tool).
	 */
	static final String BY_OWNER = "owner";

	private final String ownerLabel;

	private final Consumer<String> changed;

	OwnerEvents(String ownerLabel, Consumer<String> changed) {
		this.ownerLabel = ownerLabel;
		this.changed = changed;
	}

	/** Starts the informer and returns once it has listed what exists. */
	static <T extends HasMetadata> SharedIndexInformer<T> inform(KubernetesClient client, Class<T> kind,
			Map<String, String> labels, String ownerLabel, Consumer<String> changed) {
		MixedOperation<T, KubernetesResourceList<T>, Resource<T>> resources = client.resources(kind);
		OwnerEvents<T> handler = new OwnerEvents<>(ownerLabel, changed);
		Map<String, Function<T, List<String>>> byOwner = Map.of(BY_OWNER, (object) -> owners(object, ownerLabel));
		if (Namespaced.class.isAssignableFrom(kind)) {
			return resources.inAnyNamespace().withLabels(labels).withIndexers(byOwner).inform(handler, 0);
		}
		return resources.withLabels(labels).withIndexers(byOwner).inform(handler, 0);
	}

	/**
	 * The owner label's value of an object, as the informer's {@link #BY_OWNER} index
	 * keys it: none for an object without the label.
	 */
	static List<String> owners(HasMetadata object, String ownerLabel) {
		Map<String, String> labels = object.getMetadata().getLabels();
		String owner = (labels != null) ? labels.get(ownerLabel) : null;
		return (owner != null) ? List.of(owner) : List.of();
	}

	@Override
	public void onAdd(T object) {
		report(object);
	}

	@Override
	public void onUpdate(T before, T after) {
		if (!after.getMetadata().getResourceVersion().equals(before.getMetadata().getResourceVersion())) {
			report(after);
		}
	}

	@Override
	public void onDelete(T object, boolean finalStateUnknown) {
		report(object);
	}

	private void report(T object) {
		owners(object, this.ownerLabel).forEach(this.changed);
	}

}

package uk.gov.analyticalplatform.kubernetes;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import io.fabric8.kubernetes.api.model.HasMetadata;

import uk.gov.analyticalplatform.reconcile.Outcome;

/**
 * The cluster as reconcilers see it: desired objects in, outcomes out.
 * <p>
 * Contracts, for every method:
 * <ul>
 * <li>Objects are written only by server-side apply with the platform's one field
 * manager, forcing conflicts: the platform owns the fields it sets and leaves the rest
 * alone.</li>
 * <li>Applying is idempotent: applying what the cluster already holds writes nothing and
 * reports {@link Outcome#NOOP}.</li>
 * <li>Every applied object carries its owner's labels and
 * {@code app.kubernetes.io/managed-by=analytical-platform}; only objects carrying all of
 * them are ever pruned.</li>
 * <li>An owned object the API server refuses to change because a field of it cannot
 * change once set (422 Invalid, every cause "immutable") is deleted, on condition that
 * its UID is still the one read, and created anew, reporting {@link Outcome#REPLACED};
 * only for kinds that hold no data and no identity others depend on (Service). Any other
 * kind (a PersistentVolumeClaim, a Namespace) is refused as below and left as it is.</li>
 * <li>A refusal becomes a {@link KubernetesFailure}: {@link ObjectRejected} for an
 * invalid object (422), {@link AccessForbidden} for RBAC (403), the base class for
 * anything else, including an unreachable server. No fabric8 exception escapes.</li>
 * </ul>
 */
public interface KubernetesObjects {

	/**
	 * Makes the owner's objects exactly {@code desired}: applies each, in the order given
	 * as far as it matters (an object with no namespace, such as a Namespace, is applied
	 * before everything after it; a workload, anything that makes pods, after everything
	 * before it; the objects in between at the same time), then deletes every object of
	 * {@code ownedKinds} that carries the owner's labels and is not desired.
	 * @return each object touched and what happened to it
	 */
	Converged converge(Owner owner, List<? extends HasMetadata> desired, List<Class<? extends HasMetadata>> ownedKinds);

	/**
	 * Applies an owner's objects for the first time: {@link #converge} for an owner that
	 * has no objects yet, without its list of the owner's objects per kind (nothing to
	 * prune, nothing to compare with). The same server-side apply of each, in the same
	 * order; each object applied reports {@link Outcome#CREATED} (an apply that only
	 * repeats an interrupted first one writes nothing, but is reported the same). Use it
	 * only where no object of the owner's can exist but desired ones, such as the first
	 * apply of a key the kernel never saw applied; a later {@link #converge} prunes
	 * whatever a mistaken caller left.
	 * @return each object applied
	 */
	Converged create(Owner owner, List<? extends HasMetadata> desired);

	/**
	 * Applies one object for the owner; says whether it was created, patched or
	 * unchanged.
	 */
	Outcome apply(Owner owner, HasMetadata desired);

	/** Reads one object as the cluster holds it (status included). */
	<T extends HasMetadata> Optional<T> get(Class<T> kind, String namespace, String name);

	/** The objects of a kind that carry the owner's labels, in every namespace. */
	<T extends HasMetadata> List<T> owned(Class<T> kind, Owner owner);

	/**
	 * Watches the platform's objects of these kinds and calls {@code changed} with the
	 * value of {@code ownerLabel} of every object that is added, changed or deleted, by
	 * anyone. Calls come on the watch's own thread; level-triggered reconcilers just mark
	 * the owner due. Returns once the watches have listed what exists.
	 */
	Subscription watch(List<Class<? extends HasMetadata>> kinds, String ownerLabel, Consumer<String> changed);

	/** A running watch; closing it stops it. */
	interface Subscription extends AutoCloseable {

		/**
		 * {@link KubernetesObjects#owned} answered from what the watch holds, with no API
		 * call: the watched objects of a kind that carry the owner's labels, as the watch
		 * last saw them (no older than the change it last reported; read only, never
		 * modify them).
		 * @throws IllegalArgumentException if the kind is not watched
		 */
		<T extends HasMetadata> List<T> owned(Class<T> kind, Owner owner);

		@Override
		void close();

	}

}

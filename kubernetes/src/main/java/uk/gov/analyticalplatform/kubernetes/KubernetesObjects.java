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
 * <li>A refusal becomes a {@link KubernetesFailure}: {@link ObjectRejected} for an
 * invalid object (422), {@link AccessForbidden} for RBAC (403), the base class for
 * anything else, including an unreachable server. No fabric8 exception escapes.</li>
 * </ul>
 */
public interface KubernetesObjects {

	/**
	 * Makes the owner's objects exactly {@code desired}: applies each, in order (so a
	 * Namespace goes before what lives in it), then deletes every object of
	 * {@code ownedKinds} that carries the owner's labels and is not desired.
	 * @return each object touched and what happened to it
	 */
	Converged converge(Owner owner, List<? extends HasMetadata> desired, List<Class<? extends HasMetadata>> ownedKinds);

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

		@Override
		void close();

	}

}

package uk.gov.analyticalplatform.reconcile;

/**
 * The part of a {@link TrackedReconciler} that knows the world: given a key's status row,
 * it reads the key's desired state (after the row, so the desired state is at least as
 * new as the generation it records), computes the desired objects with pure functions,
 * applies them idempotently, and says what it did.
 *
 * @param <K> the key type
 */
@FunctionalInterface
public interface Applier<K> {

	/**
	 * Applies the desired state of the row's key.
	 * @param row the row as read before the desired state
	 * @return what applying did, and what to record alongside {@code READY}
	 * @throws RuntimeException when the world could not be brought to the desired state
	 */
	Applied apply(StatusRow<K> row);

	/**
	 * Once a resync has applied every key: deletes from the world what no key justifies.
	 * @return how many objects it deleted
	 */
	default int prune() {
		return 0;
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.util.List;
import java.util.Map;

/**
 * What a capability module plugs into a {@link ReconcileLoop}: one kind of desired object
 * (a user's IAM role, a dataset, a tool instance, a queued notification), named by a key
 * of type {@code K}. The loop asks for due keys on change signals and polls, for every
 * key on a periodic resync, and calls {@link #reconcile} for each: one at a time, or on
 * several workers at once where the loop has more than one
 * ({@link ReconcileLoop.Settings#workers}), never for one key on two at the same time.
 * <p>
 * Implementations are level-triggered and idempotent: {@code reconcile} reads the desired
 * state and the world as they are now, applies the difference and records status. Calling
 * it twice in a row, or for a key that is not due, is harmless. {@link TrackedReconciler}
 * does the status part for objects whose status lives in a {@link StatusRows} table.
 *
 * @param <K> the key naming one desired object
 */
public interface Reconciler<K> {

	/**
	 * Keys whose desired state changed since it was last applied and whose backoff has
	 * passed, oldest first.
	 * @param limit the most to return
	 */
	List<K> due(int limit);

	/** Every key this reconciler knows, for the periodic resync that corrects drift. */
	List<K> all();

	/**
	 * Brings the world to the desired state of one key and records its status, failure
	 * included.
	 * @return what it did to the world
	 * @throws RuntimeException when applying failed; the implementation has recorded the
	 * failure (with its backoff) before throwing
	 */
	Outcome reconcile(K key);

	/**
	 * Once a resync has reconciled every key: deletes what the world holds that no key
	 * justifies any more (orphans). Called on the leader only.
	 * @return how many objects it deleted
	 */
	default int prune() {
		return 0;
	}

	/**
	 * Whether a failure ends the pass it happened in, leaving the remaining due keys for
	 * the next one: true where one failure means the peer is down (a mail server), false
	 * (the default) where each key fails on its own.
	 */
	default boolean endsPass(RuntimeException failure) {
		return false;
	}

	/**
	 * How many keys are due now: the loop's queue depth, read on every replica (not only
	 * the leader) whenever metrics are scraped. By default the due keys up to one batch
	 * of the loop; a reconciler that can count them cheaply says exactly how many.
	 */
	default long backlog() {
		return due(ReconcileLoop.BATCH).size();
	}

	/**
	 * How many of its objects are in each apply state, where the reconciler tracks them
	 * ({@link TrackedReconciler}); empty where it does not.
	 */
	default Map<ApplyState, Long> states() {
		return Map.of();
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.time.Instant;

/**
 * The standard status columns of one row of a status table (see {@link StatusRows}).
 *
 * @param <K> the key type
 * @param key the row's key
 * @param generation the desired generation, increased by every change
 * @param observedGeneration the generation last applied
 * @param state the state
 * @param reason why the last attempt failed, or {@code null}
 * @param failures consecutive failures, for backoff
 * @param nextAttemptAt when the row is due again if its generation moved or it failed
 * @param appliedAt when the world last matched, or {@code null} if never
 */
public record StatusRow<K>(K key, long generation, long observedGeneration, ApplyState state, String reason,
		int failures, Instant nextAttemptAt, Instant appliedAt) {

	/** The status as users and the API see it. */
	public ApplyStatus status() {
		return new ApplyStatus(this.state, this.reason, this.generation, this.observedGeneration, this.appliedAt);
	}

	/**
	 * Whether the last apply matched the current generation, so any difference the world
	 * shows now is drift.
	 */
	public boolean believedApplied() {
		return this.observedGeneration >= this.generation && this.state == ApplyState.READY;
	}

}

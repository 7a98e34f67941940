package uk.gov.analyticalplatform.reconcile;

import java.time.Instant;

/**
 * A reconciler's status for one desired object (a user's role, a dataset's bucket, a tool
 * instance), as users and the API see it.
 *
 * @param state the state
 * @param reason why it failed, or {@code null}
 * @param generation the desired state's generation, increased by every change
 * @param observedGeneration the generation last applied to the world
 * @param appliedAt when the world last matched, or {@code null} if never
 */
public record ApplyStatus(ApplyState state, String reason, long generation, long observedGeneration,
		Instant appliedAt) {

	/** Whether the world matches the latest desired state. */
	public boolean upToDate() {
		return this.state == ApplyState.READY && this.observedGeneration >= this.generation;
	}

}

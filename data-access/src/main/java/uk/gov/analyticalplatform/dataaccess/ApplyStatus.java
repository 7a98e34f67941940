package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * The reconciler's status for one user's role or one dataset's bucket or Glue database.
 *
 * @param state the state
 * @param reason why it failed, or {@code null}
 * @param generation the desired state's generation, increased by every change
 * @param observedGeneration the generation last applied to AWS
 * @param appliedAt when AWS last matched, or {@code null} if never
 */
public record ApplyStatus(ApplyState state, String reason, long generation, long observedGeneration,
		Instant appliedAt) {

	/** Whether AWS matches the latest desired state. */
	public boolean upToDate() {
		return this.state == ApplyState.READY && this.observedGeneration >= this.generation;
	}

}

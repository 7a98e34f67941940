package uk.gov.analyticalplatform.toollauncher;

/**
 * What an instance is doing, as observed in the cluster: {@code PENDING} (asked for, or
 * queued behind the start limit) → {@code CREATING} (objects being applied) →
 * {@code STARTING} (pod scheduled, image pulling, container started) → {@code READY} or
 * {@code FAILED} (with a reason); {@code STOPPING} → {@code STOPPED}; {@code IDLED}
 * (stopped for idleness: a visit wakes it); {@code DELETING}.
 */
public enum InstancePhase {

	PENDING, CREATING, STARTING, READY, FAILED, STOPPING, STOPPED, IDLED, DELETING;

	/** Whether the instance holds, or waits for, a running pod. */
	public boolean starting() {
		return this == PENDING || this == CREATING || this == STARTING;
	}

}

package uk.gov.analyticalplatform.reconcile;

/**
 * How far the world has caught up with a desired state: {@code PENDING} (changed, not yet
 * picked up), {@code APPLYING}, {@code READY} (the world matches), {@code FAILED} (with a
 * reason; retried with backoff).
 */
public enum ApplyState {

	PENDING, APPLYING, READY, FAILED

}

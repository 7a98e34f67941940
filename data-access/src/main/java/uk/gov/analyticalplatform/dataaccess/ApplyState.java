package uk.gov.analyticalplatform.dataaccess;

/**
 * How far AWS has caught up with the desired state: {@code PENDING} (changed, not yet
 * picked up), {@code APPLYING}, {@code READY} (AWS matches), {@code FAILED} (with a
 * reason; retried with backoff).
 */
public enum ApplyState {

	PENDING, APPLYING, READY, FAILED

}

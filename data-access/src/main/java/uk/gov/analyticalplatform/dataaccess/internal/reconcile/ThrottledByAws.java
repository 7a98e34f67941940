package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

/**
 * AWS throttled a call through every attempt the SDK's retry strategy allowed; the
 * reconciler records the failure and tries again after its own backoff.
 */
public class ThrottledByAws extends RuntimeException {

	public ThrottledByAws(String message, Throwable cause) {
		super(message, cause);
	}

}

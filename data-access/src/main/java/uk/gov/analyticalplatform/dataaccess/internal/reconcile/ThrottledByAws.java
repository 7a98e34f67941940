package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * AWS throttled a call through every attempt the SDK's retry strategy allowed; the
 * reconciler records the failure (the message is the reason) and tries again after its
 * own backoff.
 */
public class ThrottledByAws extends ApplyFailed {

	public ThrottledByAws(String message, Throwable cause) {
		super(message, cause);
	}

}

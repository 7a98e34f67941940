package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * A version could not be rolled out; the version rolled out before it keeps serving. The
 * message is the app's status reason.
 */
class RolloutFailed extends ApplyFailed {

	RolloutFailed(String reason) {
		super(reason);
	}

}

package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

/**
 * A version could not be rolled out; the version rolled out before it keeps serving. The
 * message is the app's status reason.
 */
class RolloutFailed extends RuntimeException {

	RolloutFailed(String reason) {
		super(reason);
	}

}

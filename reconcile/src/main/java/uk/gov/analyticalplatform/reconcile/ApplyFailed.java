package uk.gov.analyticalplatform.reconcile;

/**
 * Desired state could not be applied, for the reason the message states: the message is
 * the whole reason a status records. {@link Reasons#of} answers it as it is, without the
 * exception's type, so it is written for whoever reads the status (an analyst, a data
 * admin, an operator): what could not be done and why, in the domain's words. Throw one
 * (or a subtype that names what happened) where the failure's own words are the reason;
 * any other exception is recorded with its type, which then helps to tell what went
 * wrong.
 */
public class ApplyFailed extends RuntimeException {

	/**
	 * @param reason the reason to record, shown as it is; a blank one is recorded as
	 * "unknown failure"
	 */
	public ApplyFailed(String reason) {
		super(reason);
	}

	/**
	 * @param reason the reason to record, shown as it is; a blank one is recorded as
	 * "unknown failure"
	 * @param cause what it failed on, kept for the logs
	 */
	public ApplyFailed(String reason, Throwable cause) {
		super(reason, cause);
	}

}

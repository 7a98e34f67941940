package uk.gov.analyticalplatform.dataaccess.internal.policy;

import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * The access cannot be expressed within IAM's policy size and count limits; the message,
 * saying which limit, is the reason a role's status records.
 */
public class PolicyLimitExceeded extends ApplyFailed {

	public PolicyLimitExceeded(String message) {
		super(message);
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.policy;

/** The access cannot be expressed within IAM's policy size and count limits. */
public class PolicyLimitExceeded extends RuntimeException {

	public PolicyLimitExceeded(String message) {
		super(message);
	}

}

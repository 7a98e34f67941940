package uk.gov.analyticalplatform.audit;

/**
 * A query over the audit log that cannot be answered as asked: an empty time range, say.
 */
public class InvalidAuditQuery extends IllegalArgumentException {

	public InvalidAuditQuery(String message) {
		super(message);
	}

}

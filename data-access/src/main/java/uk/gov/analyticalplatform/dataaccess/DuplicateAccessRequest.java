package uk.gov.analyticalplatform.dataaccess;

/** The requester already has a pending request for that dataset. */
public class DuplicateAccessRequest extends DataAccessException {

	public DuplicateAccessRequest(String message) {
		super(Kind.CONFLICT, message);
	}

}

package uk.gov.analyticalplatform.dataaccess;

/**
 * The access request is no longer pending: someone decided, withdrew or expired it first.
 */
public class RequestAlreadyDecided extends DataAccessException {

	public RequestAlreadyDecided(String message) {
		super(Kind.CONFLICT, message);
	}

}

package uk.gov.analyticalplatform.dataaccess;

/**
 * A grant or request is malformed: a path level above the grant's level, an expiry in the
 * past, a missing justification or reason.
 */
public class InvalidGrant extends DataAccessException {

	public InvalidGrant(String message) {
		super(Kind.INVALID, message);
	}

}

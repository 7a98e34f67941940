package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No access request has that id (or the caller may not see it). */
public class AccessRequestNotFound extends DataAccessException {

	public AccessRequestNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static AccessRequestNotFound forId(UUID id) {
		return new AccessRequestNotFound("No access request has id " + id);
	}

}

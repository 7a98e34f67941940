package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No grant has that id. */
public class GrantNotFound extends DataAccessException {

	public GrantNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static GrantNotFound forId(UUID id) {
		return new GrantNotFound("No grant has id " + id);
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No dataset version has that id. */
public class DatasetVersionNotFound extends DataAccessException {

	public DatasetVersionNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static DatasetVersionNotFound forId(UUID id) {
		return new DatasetVersionNotFound("No dataset version has id " + id);
	}

}

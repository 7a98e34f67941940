package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No dataset has that id or name. */
public class DatasetNotFound extends DataAccessException {

	public DatasetNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static DatasetNotFound forId(UUID id) {
		return new DatasetNotFound("No dataset has id " + id);
	}

	public static DatasetNotFound forName(String name) {
		return new DatasetNotFound("No dataset is called '" + name + "'");
	}

}

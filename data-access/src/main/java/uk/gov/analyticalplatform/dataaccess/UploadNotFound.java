package uk.gov.analyticalplatform.dataaccess;

import java.util.UUID;

/** No upload into the dataset has that id. */
public class UploadNotFound extends DataAccessException {

	public UploadNotFound(String message) {
		super(Kind.NOT_FOUND, message);
	}

	public static UploadNotFound forId(UUID id) {
		return new UploadNotFound("No upload has id " + id);
	}

}

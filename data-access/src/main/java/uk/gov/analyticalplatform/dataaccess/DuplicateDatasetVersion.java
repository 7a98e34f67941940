package uk.gov.analyticalplatform.dataaccess;

/** The dataset already has a version with that label or prefix. */
public class DuplicateDatasetVersion extends DataAccessException {

	public DuplicateDatasetVersion(String message) {
		super(Kind.CONFLICT, message);
	}

}

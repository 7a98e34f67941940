package uk.gov.analyticalplatform.dataaccess;

/** Another dataset already has that name or location. */
public class DuplicateDataset extends DataAccessException {

	public DuplicateDataset(String message) {
		super(Kind.CONFLICT, message);
	}

}

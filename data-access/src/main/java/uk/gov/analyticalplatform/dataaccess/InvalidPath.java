package uk.gov.analyticalplatform.dataaccess;

/** A sub-path or table is malformed, outside the dataset, or not one of its tables. */
public class InvalidPath extends DataAccessException {

	public InvalidPath(String message) {
		super(Kind.INVALID, message);
	}

}

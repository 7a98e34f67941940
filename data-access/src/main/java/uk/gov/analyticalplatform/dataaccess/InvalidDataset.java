package uk.gov.analyticalplatform.dataaccess;

/** A dataset's definition is malformed (name, bucket, prefix, database or tables). */
public class InvalidDataset extends DataAccessException {

	public InvalidDataset(String message) {
		super(Kind.INVALID, message);
	}

}

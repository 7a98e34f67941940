package uk.gov.analyticalplatform.dataaccess;

/**
 * The bytes received are not the bytes the uploader declared: a part or the whole file
 * has another SHA-256, or another size. Nothing of it is kept as an object.
 */
public class ChecksumMismatch extends DataAccessException {

	public ChecksumMismatch(String message) {
		super(Kind.UNPROCESSABLE, message);
	}

}

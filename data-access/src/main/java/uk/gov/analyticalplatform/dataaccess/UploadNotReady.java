package uk.gov.analyticalplatform.dataaccess;

/**
 * The upload cannot do that in its state: parts are missing for completion, or it is no
 * longer in progress.
 */
public class UploadNotReady extends DataAccessException {

	public UploadNotReady(String message) {
		super(Kind.CONFLICT, message);
	}

}

package uk.gov.analyticalplatform.dataaccess;

/**
 * The access would make a user's IAM policies exceed what AWS allows, so it is refused up
 * front.
 */
public class GrantDoesNotFit extends DataAccessException {

	public GrantDoesNotFit(String message) {
		super(Kind.UNPROCESSABLE, message);
	}

}

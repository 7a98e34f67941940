package uk.gov.analyticalplatform.identity;

/** A username, email or display name is not acceptable; the message says why. */
public class InvalidUserDetails extends IdentityException {

	private static final long serialVersionUID = 1L;

	public InvalidUserDetails(String reason) {
		super(reason);
	}

}

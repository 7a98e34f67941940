package uk.gov.analyticalplatform.identity;

/** A user with the username already exists. */
public class UsernameTaken extends IdentityException {

	private static final long serialVersionUID = 1L;

	public UsernameTaken(String username) {
		super("The username '" + username + "' is already in use.");
	}

}

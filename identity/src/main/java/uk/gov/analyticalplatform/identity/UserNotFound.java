package uk.gov.analyticalplatform.identity;

/** There is no user with the given username. */
public class UserNotFound extends IdentityException {

	private static final long serialVersionUID = 1L;

	public UserNotFound(String message) {
		super(message);
	}

	public static UserNotFound forUsername(String username) {
		return new UserNotFound("There is no user '" + username + "'.");
	}

}

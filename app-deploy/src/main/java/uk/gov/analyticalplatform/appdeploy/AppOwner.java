package uk.gov.analyticalplatform.appdeploy;

/**
 * An analyst who owns an app: owners manage everything about it and may always open it.
 *
 * @param userId the identity module's stable user id
 * @param username the username
 */
public record AppOwner(String userId, String username) {

	public AppOwner {
		if (userId == null || userId.isBlank() || username == null || username.isBlank()) {
			throw new IllegalArgumentException("An owner needs a user id and a username");
		}
	}

}

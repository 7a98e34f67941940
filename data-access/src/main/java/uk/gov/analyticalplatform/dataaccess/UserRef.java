package uk.gov.analyticalplatform.dataaccess;

/**
 * A user of the platform as this module knows them: the identity module's stable user id
 * and the username (which names their IAM role and namespace).
 *
 * @param userId the stable id
 * @param username the username
 */
public record UserRef(String userId, String username) {

	public UserRef {
		if (userId == null || userId.isBlank() || username == null || username.isBlank()) {
			throw new IllegalArgumentException("A user needs an id and a username");
		}
	}

}

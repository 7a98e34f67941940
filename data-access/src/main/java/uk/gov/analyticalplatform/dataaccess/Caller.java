package uk.gov.analyticalplatform.dataaccess;

import uk.gov.analyticalplatform.audit.Actor;

/**
 * Who is acting, as the application authenticated them: their stable user id, their
 * username and whether they hold the platform-wide {@code PLATFORM_ADMIN} role. Data
 * admin rights are per dataset and are decided by this module.
 *
 * @param userId the user's stable id
 * @param username the user's username
 * @param platformAdmin whether the user is a platform admin
 */
public record Caller(String userId, String username, boolean platformAdmin) {

	public Caller {
		if (userId == null || userId.isBlank() || username == null || username.isBlank()) {
			throw new IllegalArgumentException("A caller needs a user id and a username");
		}
	}

	public static Caller user(String userId, String username) {
		return new Caller(userId, username, false);
	}

	public static Caller platformAdmin(String userId, String username) {
		return new Caller(userId, username, true);
	}

	/** The caller as a user reference. */
	public UserRef asUser() {
		return new UserRef(this.userId, this.username);
	}

	/** The caller as the audit log's actor. */
	public Actor actor() {
		return Actor.user(this.userId, this.username);
	}

}

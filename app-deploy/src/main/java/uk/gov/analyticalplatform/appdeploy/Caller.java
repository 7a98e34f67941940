package uk.gov.analyticalplatform.appdeploy;

import uk.gov.analyticalplatform.audit.Actor;

/**
 * Who is acting, as the application authenticated them.
 *
 * @param userId the user's stable id
 * @param username the user's username
 * @param platformAdmin whether the user is a platform admin (who may see and manage every
 * app)
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

	/** The caller as the audit log's actor. */
	public Actor actor() {
		return Actor.user(this.userId, this.username);
	}

	/** The caller as an owner of an app. */
	public AppOwner asOwner() {
		return new AppOwner(this.userId, this.username);
	}

}

package uk.gov.analyticalplatform.audit;

import java.util.Objects;

/**
 * Who did something: a user (their stable id and their username at the time), or a
 * component of the platform itself ({@code system:<component>}, for reconcilers and
 * schedules).
 *
 * @param userId the user's stable id, or {@code null} for the system
 * @param username the username, or {@code system:<component>}
 */
public record Actor(String userId, String username) {

	public Actor {
		Objects.requireNonNull(username, "username");
		if (username.isBlank()) {
			throw new IllegalArgumentException("An actor needs a username");
		}
	}

	public static Actor user(String userId, String username) {
		return new Actor(Objects.requireNonNull(userId, "userId"), username);
	}

	public static Actor system(String component) {
		return new Actor(null, "system:" + component);
	}

	public boolean isSystem() {
		return this.userId == null;
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.util.Objects;
import java.util.UUID;

/**
 * The holder of a grant: a user (id and username) or a group (id, and its name when read
 * back).
 *
 * @param type user or group
 * @param id the user's id, or the group's id as a string
 * @param name the username or the group's name; may be {@code null} for a group in a
 * command
 */
public record Principal(PrincipalType type, String id, String name) {

	public Principal {
		Objects.requireNonNull(type, "type");
		if (id == null || id.isBlank()) {
			throw new IllegalArgumentException("A principal needs an id");
		}
		if (type == PrincipalType.USER && (name == null || name.isBlank())) {
			throw new IllegalArgumentException("A user principal needs a username");
		}
		if (type == PrincipalType.APP && !id.equals(name)) {
			throw new IllegalArgumentException("An app principal is named by the app's name");
		}
	}

	/** An app, by its name (app names are unique DNS labels). */
	public static Principal app(String appName) {
		WorkloadIdentities.appNamespace(appName);
		return new Principal(PrincipalType.APP, appName, appName);
	}

	public static Principal user(UserRef user) {
		return new Principal(PrincipalType.USER, user.userId(), user.username());
	}

	public static Principal user(String userId, String username) {
		return new Principal(PrincipalType.USER, userId, username);
	}

	public static Principal group(UUID groupId) {
		return new Principal(PrincipalType.GROUP, groupId.toString(), null);
	}

	/** The group's id; only for a group principal. */
	public UUID groupId() {
		if (this.type != PrincipalType.GROUP) {
			throw new IllegalStateException("Not a group principal");
		}
		return UUID.fromString(this.id);
	}

}

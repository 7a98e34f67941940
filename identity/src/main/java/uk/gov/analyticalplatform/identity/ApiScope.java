package uk.gov.analyticalplatform.identity;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * What a personal API token may be used for. A token reaches only the routes that accept
 * one of its scopes, and never more than its owner could do when signed in.
 */
public enum ApiScope {

	/** Read the caller's own profile ({@code GET /api/v1/me}). */
	PROFILE_READ("profile:read", Role.ANALYST),

	/** Manage users, for a platform admin's scripts. */
	USERS_ADMIN("users:admin", Role.PLATFORM_ADMIN),

	/**
	 * Register new versions of datasets, for data pipelines (of datasets the owner
	 * administers, which the data-access module checks).
	 */
	DATASETS_WRITE("datasets:write", Role.ANALYST),

	/** Deploy new images of apps, for build pipelines. */
	APPS_DEPLOY("apps:deploy", Role.ANALYST),

	/** Read, export and verify the audit log, for a platform admin's SIEM export. */
	AUDIT_READ("audit:read", Role.PLATFORM_ADMIN),

	/**
	 * Start, stop and change the owner's own tools ({@code /api/v1/me/tools/**}) and read
	 * the catalogue, for automation.
	 */
	TOOLS_WRITE("tools:write", Role.ANALYST);

	private final String value;

	private final Role requiredRole;

	ApiScope(String value, Role requiredRole) {
		this.value = value;
		this.requiredRole = requiredRole;
	}

	/** Whether a user with these roles could ever use a token of this scope. */
	public boolean usableWith(Set<Role> roles) {
		return roles.contains(this.requiredRole);
	}

	/** The scopes a user with these roles may give a token, in declaration order. */
	public static List<ApiScope> usableBy(Set<Role> roles) {
		return Arrays.stream(values()).filter((scope) -> scope.usableWith(roles)).toList();
	}

	/** The scope as written in requests and responses, such as {@code users:admin}. */
	public String value() {
		return this.value;
	}

	public static Optional<ApiScope> fromValue(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}

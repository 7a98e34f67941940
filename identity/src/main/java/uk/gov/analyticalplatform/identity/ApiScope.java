package uk.gov.analyticalplatform.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a personal API token may be used for. A token reaches only the routes that accept
 * one of its scopes, and never more than its owner could do when signed in.
 */
public enum ApiScope {

	/** Read the caller's own profile ({@code GET /api/v1/me}). */
	PROFILE_READ("profile:read"),

	/** Manage users, for a platform admin's scripts. */
	USERS_ADMIN("users:admin"),

	/** Register new versions of datasets, for data pipelines. */
	DATASETS_WRITE("datasets:write"),

	/** Deploy new images of apps, for build pipelines. */
	APPS_DEPLOY("apps:deploy");

	private final String value;

	ApiScope(String value) {
		this.value = value;
	}

	/** The scope as written in requests and responses, such as {@code users:admin}. */
	public String value() {
		return this.value;
	}

	public static Optional<ApiScope> fromValue(String value) {
		return Arrays.stream(values()).filter((scope) -> scope.value.equals(value)).findFirst();
	}

}

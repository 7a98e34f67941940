package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.Objects;

/**
 * Someone became an owner of an app, as app deployment recorded it: they now deploy the
 * code that runs with the app's IAM role, and so reach the data of its grants without a
 * data admin having reviewed them.
 *
 * @param app the app's name
 * @param owner the new owner
 * @param addedBy who added them (an owner of the app or a platform admin)
 * @param addedAt when
 */
public record AppOwnerAdded(String app, UserRef owner, UserRef addedBy, Instant addedAt) {

	public AppOwnerAdded {
		if (app == null || app.isBlank()) {
			throw new IllegalArgumentException("An added owner needs the app's name");
		}
		Objects.requireNonNull(owner, "owner");
		Objects.requireNonNull(addedBy, "addedBy");
		Objects.requireNonNull(addedAt, "addedAt");
	}

}

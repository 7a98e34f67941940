package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Access to give directly, without a request.
 *
 * @param datasetId the dataset
 * @param principal a user or a group
 * @param level the level; with paths, the most any path may have
 * @param paths sub-paths (S3) or tables (Athena) each with its own level, or empty for
 * the whole dataset
 * @param expiresAt when the grant ends by itself, or {@code null} for never
 */
public record NewGrant(UUID datasetId, Principal principal, AccessLevel level, List<PathAccess> paths,
		Instant expiresAt) {

	public NewGrant {
		Objects.requireNonNull(datasetId, "datasetId");
		Objects.requireNonNull(principal, "principal");
		Objects.requireNonNull(level, "level");
		paths = (paths != null) ? List.copyOf(paths) : List.of();
	}

	public static NewGrant of(UUID datasetId, Principal principal, AccessLevel level) {
		return new NewGrant(datasetId, principal, level, List.of(), null);
	}

	public NewGrant withPaths(PathAccess... paths) {
		return new NewGrant(this.datasetId, this.principal, this.level, List.of(paths), this.expiresAt);
	}

	public NewGrant expiringAt(Instant expiresAt) {
		return new NewGrant(this.datasetId, this.principal, this.level, this.paths, expiresAt);
	}

}

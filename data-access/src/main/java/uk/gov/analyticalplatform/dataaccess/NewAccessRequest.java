package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A request for access, by the calling user for themselves.
 *
 * @param datasetId the dataset
 * @param level the level wanted; with paths, the most any path may have
 * @param paths sub-paths or tables wanted, or empty for the whole dataset
 * @param justification why (required)
 * @param wantedUntil when the access should end, or {@code null}
 */
public record NewAccessRequest(UUID datasetId, AccessLevel level, List<PathAccess> paths, String justification,
		Instant wantedUntil) {

	public NewAccessRequest {
		Objects.requireNonNull(datasetId, "datasetId");
		Objects.requireNonNull(level, "level");
		paths = (paths != null) ? List.copyOf(paths) : List.of();
	}

	public static NewAccessRequest of(UUID datasetId, AccessLevel level, String justification) {
		return new NewAccessRequest(datasetId, level, List.of(), justification, null);
	}

	public NewAccessRequest withPaths(PathAccess... paths) {
		return new NewAccessRequest(this.datasetId, this.level, List.of(paths), this.justification, this.wantedUntil);
	}

	public NewAccessRequest until(Instant wantedUntil) {
		return new NewAccessRequest(this.datasetId, this.level, this.paths, this.justification, wantedUntil);
	}

}

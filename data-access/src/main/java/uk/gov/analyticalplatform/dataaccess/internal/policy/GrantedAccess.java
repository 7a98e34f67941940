package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.List;
import java.util.Objects;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;

/**
 * One effective grant of a user, already filtered to active and unexpired ones.
 *
 * @param location the dataset's location
 * @param level the grant's level
 * @param paths sub-paths (S3, relative to the root prefix, ending in {@code /}) or tables
 * (Athena), each with its level; empty for the whole dataset
 */
public record GrantedAccess(DatasetLocation location, AccessLevel level, List<PathAccess> paths) {

	public GrantedAccess {
		Objects.requireNonNull(location, "location");
		Objects.requireNonNull(level, "level");
		paths = (paths != null) ? List.copyOf(paths) : List.of();
	}

	public static GrantedAccess whole(DatasetLocation location, AccessLevel level) {
		return new GrantedAccess(location, level, List.of());
	}

}

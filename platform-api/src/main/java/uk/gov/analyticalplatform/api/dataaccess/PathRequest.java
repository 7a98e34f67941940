package uk.gov.analyticalplatform.api.dataaccess;

import java.util.List;

import jakarta.validation.constraints.NotNull;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;

/**
 * A sub-path (or Athena table) of a dataset and the level on it.
 *
 * @param path the path under the dataset's root prefix, such as {@code a/}
 * @param level the level on it, at most the request's or grant's level
 */
record PathRequest(@NotNull String path, @NotNull AccessLevel level) {

	static List<PathAccess> toAccess(List<PathRequest> paths) {
		return (paths != null) ? paths.stream().map((path) -> new PathAccess(path.path(), path.level())).toList()
				: List.of();
	}

}

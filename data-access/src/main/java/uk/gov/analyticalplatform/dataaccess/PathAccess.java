package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.Objects;

/**
 * Access to one part of a dataset: for an S3 dataset a sub-path (a prefix below the
 * dataset's root, such as {@code a/} or {@code year=2024/month=01/}), for an Athena
 * dataset a table name.
 *
 * @param path the sub-path or table
 * @param level {@code READ} or {@code READ_WRITE}
 */
public record PathAccess(String path, AccessLevel level) {

	public PathAccess {
		Objects.requireNonNull(path, "path");
		Objects.requireNonNull(level, "level");
	}

	public static PathAccess read(String path) {
		return new PathAccess(path, AccessLevel.READ);
	}

	public static PathAccess readWrite(String path) {
		return new PathAccess(path, AccessLevel.READ_WRITE);
	}

	/**
	 * The paths of a grant or request in people's words: "Whole dataset" when there are
	 * none, else each path with its level's {@linkplain AccessLevel#label() label}.
	 */
	public static String describe(List<PathAccess> paths) {
		if (paths.isEmpty()) {
			return "Whole dataset";
		}
		return String.join(", ",
				paths.stream().map((path) -> path.path() + " (" + path.level().label() + ")").toList());
	}

}

package uk.gov.analyticalplatform.web.internal.data;

import java.util.Arrays;
import java.util.List;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;

/**
 * Sub-paths (or tables) typed one a line, each at the level asked for (a sub-path cannot
 * be {@code ADMIN}, so that becomes read-write). The module checks each path.
 */
final class PathLines {

	private PathLines() {
	}

	static List<PathAccess> parse(String text, AccessLevel level) {
		if (text == null) {
			return List.of();
		}
		return Arrays.stream(text.split("\\R"))
			.map(String::strip)
			.filter((line) -> !line.isEmpty())
			.distinct()
			.map((line) -> new PathAccess(line, level.forPath()))
			.toList();
	}

}

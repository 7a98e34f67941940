package uk.gov.analyticalplatform.api.problem;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import uk.gov.analyticalplatform.toollauncher.DuplicateToolInstance;
import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry;
import uk.gov.analyticalplatform.toollauncher.InvalidToolRequest;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherException;
import uk.gov.analyticalplatform.toollauncher.ToolNotLaunchable;

/** The problem document for each thing the tool launcher refuses. */
final class ToolProblems {

	private ToolProblems() {
	}

	static ProblemDetail of(ToolLauncherException ex) {
		if (ex instanceof ToolInstanceNotFound) {
			return Problems.of(HttpStatus.NOT_FOUND, ProblemTypes.TOOL_INSTANCE_NOT_FOUND, ex.getMessage());
		}
		if (ex instanceof DuplicateToolInstance) {
			return Problems.of(HttpStatus.CONFLICT, ProblemTypes.DUPLICATE_TOOL_INSTANCE, ex.getMessage());
		}
		if (ex instanceof ToolNotLaunchable) {
			return Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.TOOL_NOT_LAUNCHABLE, ex.getMessage());
		}
		if (ex instanceof InvalidCatalogueEntry invalid) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.INVALID_CATALOGUE_ENTRY,
					ex.getMessage());
			problem.setProperty("errors",
					invalid.problems()
						.stream()
						.map((field) -> Map.of("field", field.field(), "message", field.message()))
						.toList());
			return problem;
		}
		if (ex instanceof InvalidToolRequest) {
			return Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, ex.getMessage());
		}
		return Problems.of(HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN, ex.getMessage());
	}

}

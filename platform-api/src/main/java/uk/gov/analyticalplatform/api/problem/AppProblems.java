package uk.gov.analyticalplatform.api.problem;

import java.net.URI;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

import uk.gov.analyticalplatform.appdeploy.AppException;
import uk.gov.analyticalplatform.appdeploy.AppNotFound;
import uk.gov.analyticalplatform.appdeploy.AppVersionNotFound;
import uk.gov.analyticalplatform.appdeploy.DuplicateApp;
import uk.gov.analyticalplatform.appdeploy.InvalidApp;
import uk.gov.analyticalplatform.appdeploy.LastOwnerRemovalRefused;
import uk.gov.analyticalplatform.appdeploy.ViewerLimitReached;

/**
 * The problem document for each thing app deployment refuses; a refused field is named in
 * {@code field}, the viewer limit in {@code limit}.
 */
final class AppProblems {

	private static final Map<Class<? extends AppException>, URI> TYPES = Map.of(AppNotFound.class,
			ProblemTypes.APP_NOT_FOUND, AppVersionNotFound.class, ProblemTypes.APP_VERSION_NOT_FOUND,
			DuplicateApp.class, ProblemTypes.DUPLICATE_APP, InvalidApp.class, ProblemTypes.INVALID_APP,
			ViewerLimitReached.class, ProblemTypes.VIEWER_LIMIT, LastOwnerRemovalRefused.class,
			ProblemTypes.LAST_OWNER);

	private AppProblems() {
	}

	static ProblemDetail of(AppException ex) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
		};
		ProblemDetail problem = Problems.of(status, TYPES.getOrDefault(ex.getClass(), ProblemTypes.forStatus(status)),
				ex.getMessage());
		if (ex instanceof InvalidApp invalid) {
			problem.setProperty("field", invalid.field());
		}
		if (ex instanceof ViewerLimitReached limit) {
			problem.setProperty("limit", limit.limit());
		}
		return problem;
	}

}

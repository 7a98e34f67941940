package uk.gov.analyticalplatform.api.problem;

import java.net.URI;

import org.slf4j.MDC;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import uk.gov.analyticalplatform.api.observability.RequestIdFilter;

/** Builds the API's problem documents so that every one carries the same members. */
public final class Problems {

	private static final URI ABOUT_BLANK = URI.create("about:blank");

	private Problems() {
	}

	public static ProblemDetail of(HttpStatusCode status, URI type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(type);
		return complete(problem);
	}

	/**
	 * Gives a problem built elsewhere (by Spring MVC, say) a stable type, a title and the
	 * request id, and never more than a safe detail.
	 */
	public static ProblemDetail complete(ProblemDetail problem) {
		HttpStatusCode status = HttpStatusCode.valueOf(problem.getStatus());
		if (problem.getType() == null || ABOUT_BLANK.equals(problem.getType())) {
			problem.setType(ProblemTypes.forStatus(status));
		}
		if (problem.getTitle() == null) {
			HttpStatus known = HttpStatus.resolve(status.value());
			problem.setTitle((known != null) ? known.getReasonPhrase() : "Error");
		}
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		if (requestId != null) {
			problem.setProperty("requestId", requestId);
		}
		return problem;
	}

}

package uk.gov.analyticalplatform.audit;

import java.util.Optional;

/**
 * Where the current request came from, when there is one. The application provides it
 * from the servlet request; without one (schedules, reconcilers) events carry no request
 * details.
 */
@FunctionalInterface
public interface AuditRequestContext {

	Optional<RequestDetails> current();

	/**
	 * @param ip the client's address
	 * @param userAgent the client's user agent, possibly {@code null}
	 * @param requestId the request's id, as in the {@code X-Request-Id} header
	 */
	record RequestDetails(String ip, String userAgent, String requestId) {
	}

}

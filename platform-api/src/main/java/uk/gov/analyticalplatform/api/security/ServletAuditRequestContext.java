package uk.gov.analyticalplatform.api.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.MDC;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import uk.gov.analyticalplatform.api.observability.RequestIdFilter;
import uk.gov.analyticalplatform.audit.AuditRequestContext;

/**
 * The audit log's view of the current HTTP request: the client's address (as the servlet
 * container resolved it, honouring forwarded headers only where configured to), its user
 * agent and the request id.
 */
class ServletAuditRequestContext implements AuditRequestContext {

	@Override
	public Optional<RequestDetails> current() {
		RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
		if (!(attributes instanceof ServletRequestAttributes servlet)) {
			return Optional.empty();
		}
		HttpServletRequest request = servlet.getRequest();
		String userAgent = request.getHeader("User-Agent");
		if (userAgent != null && userAgent.length() > 500) {
			userAgent = userAgent.substring(0, 500);
		}
		return Optional.of(new RequestDetails(request.getRemoteAddr(), userAgent, MDC.get(RequestIdFilter.MDC_KEY)));
	}

}

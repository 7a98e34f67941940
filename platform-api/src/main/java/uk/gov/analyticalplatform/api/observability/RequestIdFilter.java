package uk.gov.analyticalplatform.api.observability;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request an id: the caller's {@code X-Request-Id} when it is a safe token, a
 * new UUID otherwise. The id is in every log line written for the request (MDC key
 * {@value #MDC_KEY}), in the response header and in problem documents.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIdFilter extends OncePerRequestFilter {

	public static final String HEADER = "X-Request-Id";

	public static final String MDC_KEY = "requestId";

	private static final String ATTRIBUTE = RequestIdFilter.class.getName() + ".id";

	private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = requestId(request);
		request.setAttribute(ATTRIBUTE, id);
		response.setHeader(HEADER, id);
		MDC.put(MDC_KEY, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(MDC_KEY);
		}
	}

	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	private static String requestId(HttpServletRequest request) {
		Object known = request.getAttribute(ATTRIBUTE);
		if (known instanceof String id) {
			return id;
		}
		String offered = request.getHeader(HEADER);
		return (offered != null && SAFE.matcher(offered).matches()) ? offered : UUID.randomUUID().toString();
	}

}

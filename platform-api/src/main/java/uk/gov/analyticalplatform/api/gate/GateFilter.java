package uk.gov.analyticalplatform.api.gate;

import java.io.IOException;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;

/**
 * Answers the ingress's external-auth call, {@code GET /authz/<area>} for each gated
 * area, as a servlet filter: every request to every tool and app passes here, so it is
 * answered before Spring Security's chains and Spring MVC's dispatch, with the same
 * decision as the {@link GateController} ({@link Gate}). Registered only for the areas'
 * exact paths, never for {@code /authz/sign-in}; any other method goes on down the chain.
 * It runs first of all filters, so that a gate request costs no request id, no
 * {@code http.server.requests} observation and no Spring Session wrapping: it reads the
 * session store itself, once per session per time-to-live ({@link GateSessions}).
 */
final class GateFilter implements Filter {

	private final Gate gate;

	GateFilter(Gate gate) {
		this.gate = gate;
	}

	@Override
	public void doFilter(ServletRequest servletRequest, ServletResponse servletResponse, FilterChain chain)
			throws IOException, ServletException {
		HttpServletRequest request = (HttpServletRequest) servletRequest;
		String method = request.getMethod();
		String area = area(request);
		if (area == null || !("GET".equals(method) || "HEAD".equals(method))) {
			chain.doFilter(servletRequest, servletResponse);
			return;
		}
		HttpServletResponse response = (HttpServletResponse) servletResponse;
		Gate.Answer answer = this.gate.authorise(area, request);
		response.setStatus(answer.status().value());
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (answer.user() != null) {
			response.setHeader(GateController.USER_HEADER, answer.user().username());
			if (answer.user().email() != null) {
				response.setHeader(GateController.EMAIL_HEADER, answer.user().email());
			}
		}
		response.setContentLength(0);
	}

	/** The area named by the path {@code /authz/<area>}, or {@code null}. */
	private static String area(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		return path.startsWith(GateController.AUTHZ) ? path.substring(GateController.AUTHZ.length()) : null;
	}

}

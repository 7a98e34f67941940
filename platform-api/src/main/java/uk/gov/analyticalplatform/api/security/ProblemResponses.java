package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.net.URI;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.api.problem.ProblemTypes;
import uk.gov.analyticalplatform.api.problem.Problems;

/**
 * The API's answers when security says no, as problem documents: 401 for no or a bad
 * credential, 401 {@code mfa-required} for a session that has not passed the second
 * factor, 403 {@code password-change-required}, 403 {@code csrf-token-invalid}, and 403
 * otherwise.
 */
class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

	private final JsonMapper json;

	ProblemResponses(JsonMapper json) {
		this.json = json;
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException ex)
			throws IOException {
		boolean bearer = BearerTokenFilter.BEARER.matches(request);
		response.setHeader("WWW-Authenticate", bearer ? "Bearer error=\"invalid_token\"" : "Bearer");
		write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.UNAUTHENTICATED, bearer ? ex.getMessage()
				: "Sign in first (POST /api/v1/auth/login), or send a personal API token as 'Authorization: Bearer'.");
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (ex instanceof CsrfException) {
			write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.CSRF_TOKEN_INVALID,
					"Send the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header (see docs/api.md), "
							+ "or use a personal API token.");
		}
		else if (Authorities.has(authentication, Authorities.SECOND_FACTOR_PENDING)) {
			write(request, response, HttpStatus.UNAUTHORIZED, ProblemTypes.MFA_REQUIRED,
					"Pass the second factor first: POST /api/v1/auth/totp/verify (or enrol at "
							+ "/api/v1/auth/totp/enrolment).");
		}
		else if (Authorities.has(authentication, Authorities.PASSWORD_CHANGE_PENDING)) {
			write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.PASSWORD_CHANGE_REQUIRED,
					"Choose a new password first: POST /api/v1/me/password.");
		}
		else {
			write(request, response, HttpStatus.FORBIDDEN, ProblemTypes.FORBIDDEN,
					Authorities.has(authentication, Authorities.API_TOKEN)
							? "This API token's scopes do not allow this request, or its owner may not do it."
							: "You are not allowed to do this.");
		}
	}

	private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, URI type,
			String detail) throws IOException {
		ProblemDetail problem = Problems.of(status, type, detail);
		problem.setInstance(URI.create(request.getRequestURI()));
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		this.json.writeValue(response.getOutputStream(), problem);
	}

}

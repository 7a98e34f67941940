package uk.gov.analyticalplatform.api.problem;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.MDC;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.api.observability.RequestIdFilter;
import uk.gov.analyticalplatform.web.ControlPanel;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;

/**
 * The error page of the whole application. Requests under {@code /api/} and clients that
 * do not ask for HTML get an RFC 9457 problem document; browsers get the HTML error page.
 * Neither ever shows an exception or a stack trace.
 */
@Controller
@RequestMapping("${server.error.path:/error}")
class ProblemErrorController implements ErrorController {

	private final JsonMapper jsonMapper;

	private final ControlPanel controlPanel;

	private final SignInSessions sessions;

	ProblemErrorController(JsonMapper jsonMapper, ControlPanel controlPanel, SignInSessions sessions) {
		this.jsonMapper = jsonMapper;
		this.controlPanel = controlPanel;
		this.sessions = sessions;
	}

	@RequestMapping(produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView html(HttpServletRequest request, HttpServletResponse response) throws IOException {
		HttpStatus status = status(request);
		if (isApi(request)) {
			response.setStatus(status.value());
			response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
			this.jsonMapper.writeValue(response.getOutputStream(), problem(request, status));
			return null;
		}
		response.setStatus(status.value());
		return new ModelAndView("error", page(status, response), status);
	}

	/**
	 * The control panel's layout needs what every page has, and the error page its
	 * heading.
	 */
	private Map<String, Object> page(HttpStatus status, HttpServletResponse response) {
		Map<String, Object> model = new HashMap<>();
		model.put("status", status.value());
		model.put("heading", switch (status) {
			case NOT_FOUND -> "Page not found";
			case FORBIDDEN -> "You cannot see this page";
			default ->
				status.is5xxServerError() ? "Sorry, there is a problem with the service" : status.getReasonPhrase();
		});
		String requestId = MDC.get(RequestIdFilter.MDC_KEY);
		model.put("requestId", (requestId != null) ? requestId : response.getHeader(RequestIdFilter.HEADER));
		model.put("controlPanel", this.controlPanel);
		this.sessions.current()
			.filter(SessionUser::secondFactorPassed)
			.ifPresent((user) -> model.put("signedIn", user));
		return model;
	}

	@RequestMapping
	ResponseEntity<ProblemDetail> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(request, status));
	}

	private ProblemDetail problem(HttpServletRequest request, HttpStatus status) {
		String path = (String) request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String detail = switch (status) {
			case NOT_FOUND -> "There is nothing at " + path + ".";
			case METHOD_NOT_ALLOWED -> "The method is not allowed at " + path + ".";
			default ->
				status.is5xxServerError() ? "An unexpected error occurred. Quote the request id when you report it."
						: status.getReasonPhrase() + ".";
		};
		ProblemDetail problem = Problems.of(status, ProblemTypes.forStatus(status), detail);
		if (path != null) {
			problem.setInstance(java.net.URI.create(path));
		}
		return problem;
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		HttpStatus status = (code instanceof Integer value) ? HttpStatus.resolve(value) : null;
		return (status != null) ? status : HttpStatus.INTERNAL_SERVER_ERROR;
	}

	private static boolean isApi(HttpServletRequest request) {
		Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return path instanceof String uri && uri.startsWith(request.getContextPath() + "/api/");
	}

}

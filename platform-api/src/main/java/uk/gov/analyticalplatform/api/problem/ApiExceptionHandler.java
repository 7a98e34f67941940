package uk.gov.analyticalplatform.api.problem;

import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import uk.gov.analyticalplatform.appdeploy.AppException;
import uk.gov.analyticalplatform.audit.InvalidAuditQuery;
import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.identity.IdentityException;
import uk.gov.analyticalplatform.identity.TemporarilyRefused;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherException;

/**
 * Turns every error raised while handling an API request into an RFC 9457 problem
 * document with a stable {@code type}. Errors raised before a controller is chosen
 * (unknown paths, the security filters) reach {@link ProblemErrorController} instead.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.VALIDATION_FAILED,
				"The request has invalid fields; see 'errors'.");
		List<Map<String, String>> errors = ex.getBindingResult()
			.getFieldErrors()
			.stream()
			.sorted(Comparator.comparing(FieldError::getField))
			.map((error) -> Map.of("field", error.getField(), "message", String.valueOf(error.getDefaultMessage())))
			.toList();
		problem.setProperty("errors", errors);
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.MALFORMED_BODY,
				"The request body could not be read: it is missing, not valid JSON, or has a value of the wrong type.");
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleIdentity(IdentityException ex, WebRequest request) {
		ProblemDetail problem = IdentityProblems.of(ex);
		HttpHeaders headers = new HttpHeaders();
		if (ex instanceof TemporarilyRefused refused) {
			headers.set(HttpHeaders.RETRY_AFTER, Long.toString(IdentityProblems.retryAfterSeconds(refused)));
		}
		return handleExceptionInternal(ex, problem, headers, HttpStatusCode.valueOf(problem.getStatus()), request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleDataAccess(DataAccessException ex, WebRequest request) {
		ProblemDetail problem = DataAccessProblems.of(ex);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleToolLauncher(ToolLauncherException ex, WebRequest request) {
		ProblemDetail problem = ToolProblems.of(ex);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleApps(AppException ex, WebRequest request) {
		ProblemDetail problem = AppProblems.of(ex);
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleInvalidAuditQuery(InvalidAuditQuery ex, WebRequest request) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ProblemTypes.BAD_REQUEST, ex.getMessage());
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@ExceptionHandler
	ResponseEntity<Object> handleUnexpected(Exception ex, WebRequest request) {
		log.error("Unexpected error handling {}", request.getDescription(false), ex);
		ProblemDetail problem = Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, ProblemTypes.INTERNAL_ERROR,
				"An unexpected error occurred. Quote the request id when you report it.");
		return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatusCode.valueOf(problem.getStatus()),
				request);
	}

	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
		if (response != null && response.getBody() instanceof ProblemDetail problem) {
			Problems.complete(problem);
		}
		return response;
	}

}

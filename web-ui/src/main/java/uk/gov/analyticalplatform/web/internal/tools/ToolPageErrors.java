package uk.gov.analyticalplatform.web.internal.tools;

import java.io.IOException;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolPermissionDenied;

/**
 * A tool page for an instance that is not the user's is "Page not found", as for one that
 * does not exist (nothing tells whether another user has it); a refusal of the launcher's
 * admin checks is "You cannot see this page". The error pages are the application's own.
 */
@ControllerAdvice(basePackageClasses = ToolPageErrors.class)
class ToolPageErrors {

	@ExceptionHandler(ToolInstanceNotFound.class)
	void notFound(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.NOT_FOUND.value());
	}

	@ExceptionHandler(ToolPermissionDenied.class)
	void forbidden(HttpServletResponse response) throws IOException {
		response.sendError(HttpStatus.FORBIDDEN.value());
	}

}

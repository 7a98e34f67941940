package uk.gov.analyticalplatform.web.internal.data;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import uk.gov.analyticalplatform.dataaccess.DataAccessException;
import uk.gov.analyticalplatform.web.ControlPanel;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * What the data access module refused outside a form (an unknown dataset, a page the user
 * may not see) as a page with the matching status and the module's own words.
 */
@ControllerAdvice(basePackageClasses = DataPageErrors.class)
class DataPageErrors {

	private final ControlPanel controlPanel;

	private final SignInSessions sessions;

	DataPageErrors(ControlPanel controlPanel, SignInSessions sessions) {
		this.controlPanel = controlPanel;
		this.sessions = sessions;
	}

	@ExceptionHandler(DataAccessException.class)
	String refused(DataAccessException ex, HttpServletResponse response, Model model) {
		HttpStatus status = status(ex.kind());
		response.setStatus(status.value());
		// model attribute methods do not run for exception handlers: the layout's needs
		// are added here
		model.addAttribute("controlPanel", this.controlPanel);
		model.addAttribute("signedIn", this.sessions.current().filter(SessionUser::secondFactorPassed).orElse(null));
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("status", status.value());
		model.addAttribute("heading", heading(status));
		model.addAttribute("message", ex.getMessage());
		return "data/problem";
	}

	static HttpStatus status(DataAccessException.Kind kind) {
		return switch (kind) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
			case UNPROCESSABLE -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
	}

	private static String heading(HttpStatus status) {
		return switch (status) {
			case NOT_FOUND -> "Page not found";
			case FORBIDDEN -> "You do not have permission to see this page";
			default -> "There is a problem";
		};
	}

}

package uk.gov.analyticalplatform.web.internal.apps;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

import uk.gov.analyticalplatform.appdeploy.AppException;
import uk.gov.analyticalplatform.web.ControlPanel;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * What app deployment refused outside a form (an app the user may not see) as a page with
 * the matching status and the module's own words.
 */
@ControllerAdvice(basePackageClasses = AppPageErrors.class)
class AppPageErrors {

	private final ControlPanel controlPanel;

	private final SignInSessions sessions;

	AppPageErrors(ControlPanel controlPanel, SignInSessions sessions) {
		this.controlPanel = controlPanel;
		this.sessions = sessions;
	}

	@ExceptionHandler(AppException.class)
	String refused(AppException ex, HttpServletResponse response, Model model) {
		HttpStatus status = switch (ex.kind()) {
			case NOT_FOUND -> HttpStatus.NOT_FOUND;
			case FORBIDDEN -> HttpStatus.FORBIDDEN;
			case CONFLICT -> HttpStatus.CONFLICT;
			case INVALID -> HttpStatus.BAD_REQUEST;
		};
		response.setStatus(status.value());
		// model attribute methods do not run for exception handlers: the layout's needs
		// are added here
		model.addAttribute("controlPanel", this.controlPanel);
		model.addAttribute("signedIn", this.sessions.current().filter(SessionUser::secondFactorPassed).orElse(null));
		model.addAttribute("errors", new FormErrors());
		model.addAttribute("heading", (status == HttpStatus.NOT_FOUND) ? "Page not found" : "There is a problem");
		model.addAttribute("message", ex.getMessage());
		return "apps/problem";
	}

}

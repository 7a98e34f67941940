package uk.gov.analyticalplatform.web.internal.support;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import uk.gov.analyticalplatform.web.ControlPanel;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;

/** What every page's layout needs: the installation and who is signed in. */
@ControllerAdvice(basePackages = "uk.gov.analyticalplatform.web")
class PageModel {

	private final ControlPanel controlPanel;

	private final SignInSessions sessions;

	PageModel(ControlPanel controlPanel, SignInSessions sessions) {
		this.controlPanel = controlPanel;
		this.sessions = sessions;
	}

	@ModelAttribute("controlPanel")
	ControlPanel controlPanel() {
		return this.controlPanel;
	}

	@ModelAttribute("signedIn")
	SessionUser signedIn() {
		return this.sessions.current().filter(SessionUser::secondFactorPassed).orElse(null);
	}

	@ModelAttribute("errors")
	FormErrors errors() {
		return new FormErrors();
	}

}

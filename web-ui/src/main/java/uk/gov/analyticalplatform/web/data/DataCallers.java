package uk.gov.analyticalplatform.web.data;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;

/** The signed-in user as the data access module's caller. */
@Component
class DataCallers {

	private final SignInSessions sessions;

	DataCallers(SignInSessions sessions) {
		this.sessions = sessions;
	}

	Caller current() {
		UserAccount user = this.sessions.current()
			.filter(SessionUser::secondFactorPassed)
			.orElseThrow(() -> new IllegalStateException("No signed-in user"))
			.user();
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

}

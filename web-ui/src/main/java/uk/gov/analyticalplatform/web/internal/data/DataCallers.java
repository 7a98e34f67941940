package uk.gov.analyticalplatform.web.internal.data;

import java.util.Optional;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.web.SignInSessions;
import uk.gov.analyticalplatform.web.SignInSessions.SessionUser;

/**
 * The signed-in user as the data access module's caller, and other users as the module
 * refers to them.
 */
@Component
class DataCallers {

	private final SignInSessions sessions;

	private final Users users;

	DataCallers(SignInSessions sessions, Users users) {
		this.sessions = sessions;
		this.users = users;
	}

	/** The user with this username (surrounding blanks ignored), if there is one. */
	Optional<UserRef> user(String username) {
		return this.users.findByUsername(username.strip())
			.map((account) -> new UserRef(account.id().toString(), account.username()));
	}

	Caller current() {
		UserAccount user = this.sessions.current()
			.filter(SessionUser::secondFactorPassed)
			.orElseThrow(() -> new IllegalStateException("No signed-in user"))
			.user();
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

}

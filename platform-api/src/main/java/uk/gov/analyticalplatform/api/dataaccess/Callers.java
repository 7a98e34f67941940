package uk.gov.analyticalplatform.api.dataaccess;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Who calls the data access module: the signed-in user, with their platform-admin role as
 * it is at this request; and the users that requests name by username.
 */
public final class Callers {

	private Callers() {
	}

	public static Caller of(UserAccount user) {
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

	static UserRef ref(UserAccount user) {
		return new UserRef(user.id().toString(), user.username());
	}

	/**
	 * The user with this username.
	 * @throws uk.gov.analyticalplatform.identity.UserNotFound if there is none
	 */
	static UserRef user(Users users, String username) {
		return users.findByUsername(username)
			.map(Callers::ref)
			.orElseThrow(() -> uk.gov.analyticalplatform.identity.UserNotFound.forUsername(username));
	}

}

package uk.gov.analyticalplatform.api.apps;

import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserNotFound;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Who calls app deployment: the signed-in user with their platform-admin role as it is at
 * this request; and the users that requests name by username.
 */
public final class AppCallers {

	private AppCallers() {
	}

	public static Caller of(UserAccount user) {
		return new Caller(user.id().toString(), user.username(), user.isPlatformAdmin());
	}

	/**
	 * The user with this username, as an owner.
	 * @throws UserNotFound if there is none
	 */
	public static AppOwner owner(Users users, String username) {
		return users.findByUsername(username)
			.map((user) -> new AppOwner(user.id().toString(), user.username()))
			.orElseThrow(() -> UserNotFound.forUsername(username));
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Who owns an app, as app deployment knows it: the port through which data access checks
 * that a request for an app comes from one of its owners and is decided by none of them.
 * App deployment provides it; without it, no app can be a principal.
 */
@FunctionalInterface
public interface AppOwnership {

	/** The user ids of the app's owners, or empty when there is no such app. */
	Optional<Set<String>> owners(String app);

	/**
	 * The app's owners now, each with when they became one, oldest first; empty when
	 * there is no such app. The access review shows them beside the app's grants: an
	 * owner deploys the code that runs with the app's role, so an owner added after a
	 * grant holds that grant's access without anyone having reviewed it.
	 */
	default List<Owner> ownersSince(String app) {
		return List.of();
	}

	/**
	 * An owner of an app.
	 *
	 * @param user who
	 * @param since when they became an owner
	 */
	record Owner(UserRef user, Instant since) {

	}

}

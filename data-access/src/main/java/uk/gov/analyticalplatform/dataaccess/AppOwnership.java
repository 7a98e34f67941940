package uk.gov.analyticalplatform.dataaccess;

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

}

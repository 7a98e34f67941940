package uk.gov.analyticalplatform.appdeploy;

import java.util.List;
import java.util.Map;

/**
 * Registering, reading, changing and deleting apps, and their owners. Owners and platform
 * admins see and manage an app; to anyone else it does not exist ({@link AppNotFound}).
 * Every change is audited in its transaction; what Kubernetes should run follows once it
 * commits.
 */
public interface Apps {

	/**
	 * Registers an app with the caller as its owner.
	 * @throws InvalidApp if a field is malformed
	 * @throws DuplicateApp if the name is taken
	 */
	App register(Caller caller, NewApp app);

	/**
	 * @throws AppNotFound if there is none the caller may see
	 */
	App get(Caller caller, String name);

	/** The apps the caller owns, by name. */
	List<App> mine(Caller caller);

	/**
	 * Every app, by name.
	 * @throws AppPermissionDenied if the caller is not a platform admin
	 */
	List<App> all(Caller caller);

	/**
	 * @throws AppNotFound if there is none the caller may see
	 * @throws InvalidApp if a field is malformed
	 */
	App update(Caller caller, String name, AppChange change);

	/**
	 * Deletes the app and, once committed, everything it runs in Kubernetes.
	 * @throws AppNotFound if there is none the caller may see
	 */
	void delete(Caller caller, String name);

	/**
	 * Adds an owner (idempotent). A new owner reaches the data of the app's grants, so
	 * the data admins of those datasets are told (by data access, through its outbox,
	 * once the change commits).
	 * @throws AppNotFound if there is none the caller may see
	 */
	App addOwner(Caller caller, String name, AppOwner owner);

	/**
	 * Removes an owner (idempotent).
	 * @throws AppNotFound if there is none the caller may see
	 * @throws LastOwnerRemovalRefused if it is the last owner
	 */
	App removeOwner(Caller caller, String name, String userId);

	/** What the platform promises about apps. */
	Availability availability();

	/**
	 * How many apps are in each rollout state ({@code PENDING}, {@code APPLYING},
	 * {@code READY}, {@code FAILED}, as in {@link AppStatus}), for the platform's
	 * metrics: one grouped query, no caller check. Every state is present, zero where no
	 * app is.
	 */
	Map<String, Long> countByState();

}

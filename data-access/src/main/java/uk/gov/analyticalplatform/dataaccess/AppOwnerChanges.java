package uk.gov.analyticalplatform.dataaccess;

/**
 * Told when an app's owners change, so that the data admins of the datasets the app holds
 * grants on learn who now reaches their data through it. Data access provides it; app
 * deployment calls it (where data access is not deployed, there is nobody to tell).
 * <p>
 * App deployment calls it inside the transaction that records the change, after the
 * change is written. Data access writes what it must tell in that same transaction, so it
 * is told exactly when the change commits and never when it rolls back; what it throws
 * rolls the change back.
 */
@FunctionalInterface
public interface AppOwnerChanges {

	/**
	 * An owner was added to the app: while the application can send notifications (see
	 * {@link AccessNotificationSender}), one
	 * {@link AccessNotification.Kind#APP_OWNER_ADDED} notification is queued for each
	 * data admin of each dataset the app holds an active, unexpired grant on; none when
	 * the app holds no grant.
	 */
	void ownerAdded(AppOwnerAdded added);

}

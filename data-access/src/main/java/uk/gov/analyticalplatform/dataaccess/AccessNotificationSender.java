package uk.gov.analyticalplatform.dataaccess;

/**
 * Tells people about access requests, and data admins about new owners of apps that hold
 * grants, by email or another channel the application provides. Without one, the module
 * records no notifications at all; with one, every new request, every decision that
 * someone other than the requester took, and every owner added to an app with grants (see
 * {@link AppOwnerChanges}) is written to an outbox in the same transaction, and delivered
 * after the commit.
 * <p>
 * The module calls {@link #send} from its delivery thread, outside any request, at least
 * once per notification: again after a failure (with backoff, up to a maximum number of
 * attempts), and again if the process stops between sending and recording that it sent. A
 * notification that one thread or replica is sending is never handed to another at the
 * same time.
 */
@FunctionalInterface
public interface AccessNotificationSender {

	/**
	 * Sends one notification. Returns normally once it is sent, or when none of its
	 * recipients can be reached (the sender says why in its log); throws to have it tried
	 * again later.
	 */
	void send(AccessNotification notification);

}

package uk.gov.analyticalplatform.dataaccess;

/**
 * Delivery of the notification outbox. Present only when the application provides an
 * {@link AccessNotificationSender}; it runs on its own schedule on every replica.
 */
public interface AccessNotifications {

	/**
	 * Hands every notification that is due to the sender, one at a time, each in its own
	 * transaction, passing over those another thread or replica is sending; a failure is
	 * recorded and retried later. Returns how many were sent.
	 */
	int deliverDue();

}

package uk.gov.analyticalplatform.reconcile;

import java.util.List;

/**
 * Changes committed on any replica, delivered to every replica: the other half of
 * {@link ReconcileSignals}, which reach only the replica that made the change. A writer
 * notifies a channel in the transaction of its change, with PostgreSQL's
 * {@code pg_notify(channel, payload)} (directly, or from a trigger on its table), and the
 * server delivers the payload to every listening session if, and only when, that
 * transaction commits. Each replica listens on one session of its own, outside the pool,
 * and hands each batch of payloads to the subscribers of its channel: one listening
 * connection per replica however many subscribers it has, and no polling.
 * <p>
 * Notifications are not stored: a payload committed while a replica's session was down is
 * lost to it. Subscribers are told so ({@link Subscriber#missed}) each time the session
 * is (re)opened, and read afresh what they follow.
 */
public interface ChangeFeed {

	/**
	 * Subscribes to a channel (a lower-case SQL identifier); the first subscription to a
	 * channel makes the replica listen on it. Calls {@link Subscriber#missed} once the
	 * replica listens on it.
	 */
	Subscription subscribe(String channel, Subscriber subscriber);

	/** A feed that delivers nothing: for an application without a database. */
	static ChangeFeed none() {
		return (channel, subscriber) -> () -> {
		};
	}

	/**
	 * Receives a channel's payloads. Called on the feed's one thread: it must hand any
	 * slow work (a database read, a network write) to a thread of its own, or it holds up
	 * every other subscriber.
	 */
	interface Subscriber {

		/**
		 * Payloads notified on the channel since the last call, in commit order
		 * (PostgreSQL folds a payload notified twice in one transaction into one).
		 */
		void changed(List<String> payloads);

		/**
		 * Payloads may have been missed (the listening session was opened, or opened
		 * again after it was lost): read afresh whatever is followed.
		 */
		void missed();

	}

	/** Ends a subscription; the replica keeps listening on the channel. */
	@FunctionalInterface
	interface Subscription extends AutoCloseable {

		@Override
		void close();

	}

}

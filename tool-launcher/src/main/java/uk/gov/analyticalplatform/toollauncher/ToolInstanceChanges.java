package uk.gov.analyticalplatform.toollauncher;

import java.util.UUID;

/**
 * Follows a user's instance as it changes, whichever replica of the control plane makes
 * the change (the leader's reconciler, a request on another replica, the sweep): each
 * change of its state, step, reason, start time or place in the start queue is pushed
 * from the database as it commits, and the instance read once per change for all who
 * follow it on this replica. No one who follows polls.
 */
public interface ToolInstanceChanges {

	/**
	 * Follows one of the user's instances: the watcher is called with the instance as it
	 * is now, then after each change, until the watch is closed or the instance is gone.
	 * Calls come on a thread of the launcher's, never the caller's, one at a time and in
	 * order for one instance; a call may repeat the state of the one before.
	 * @throws ToolInstanceNotFound if it is not the user's (or does not exist)
	 */
	Watch follow(ToolUser user, UUID id, Watcher watcher);

	/**
	 * Receives an instance's changes. It must not block for long: others wait behind it.
	 */
	interface Watcher {

		/** The instance as it is now. */
		void changed(ToolInstance instance);

		/** The instance was deleted: no call follows. */
		void gone();

	}

	/** Stops following. */
	@FunctionalInterface
	interface Watch extends AutoCloseable {

		@Override
		void close();

	}

}

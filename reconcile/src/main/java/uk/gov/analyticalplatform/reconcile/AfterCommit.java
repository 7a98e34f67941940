package uk.gov.analyticalplatform.reconcile;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait until the caller's transaction commits, such as waking a worker.
 */
public final class AfterCommit {

	private AfterCommit() {
	}

	/**
	 * Runs the action once the current transaction commits (never if it rolls back), or
	 * at once outside a transaction.
	 */
	public static void run(Runnable action) {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					action.run();
				}
			});
		}
		else {
			action.run();
		}
	}

}

package uk.gov.analyticalplatform.reconcile;

/**
 * Tells a reconciler that desired state changed. Raised after the change commits (see
 * {@link AfterCommit}); cheap and never blocking, so that a request never waits for the
 * world.
 */
@FunctionalInterface
public interface ReconcileSignal {

	void changed();

}

package uk.gov.analyticalplatform.dataaccess.internal.status;

/** Tells the reconciler, after a commit, that desired state changed. */
@FunctionalInterface
public interface ReconcileSignal {

	void changed();

}

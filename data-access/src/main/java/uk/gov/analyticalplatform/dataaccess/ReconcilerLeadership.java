package uk.gov.analyticalplatform.dataaccess;

/**
 * Whether this replica should reconcile AWS now. The application provides one backed by
 * its leader election; without one, every replica reconciles (safe, since reconciling is
 * idempotent, but wasteful).
 */
@FunctionalInterface
public interface ReconcilerLeadership {

	boolean isLeader();

}

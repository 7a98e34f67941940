package uk.gov.analyticalplatform.reconcile;

/**
 * Whether this replica should reconcile now. One leadership serves every reconciler of
 * the application: the kernel provides one backed by a PostgreSQL advisory lock
 * ({@code platform.leadership.*}); where there is none, every replica reconciles (safe,
 * since reconciling is idempotent, but wasteful).
 */
@FunctionalInterface
public interface Leadership {

	/**
	 * Whether this replica leads now. Cheap and never blocking: reconcilers ask before
	 * every pass.
	 */
	boolean isLeader();

	/**
	 * This replica's leadership term: a number that changes every time the replica
	 * becomes leader, and {@code 0} while it does not lead. What a reconciler remembers
	 * of its own applies holds within one term only: while this replica did not lead,
	 * another may have applied something else.
	 */
	default long term() {
		return isLeader() ? 1 : 0;
	}

	/** A leadership under which every replica leads, for work safe to run everywhere. */
	static Leadership everyReplica() {
		return () -> true;
	}

}

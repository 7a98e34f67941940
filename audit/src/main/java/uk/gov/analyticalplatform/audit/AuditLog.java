package uk.gov.analyticalplatform.audit;

/**
 * Appends events to the platform's audit log.
 * <p>
 * Contract: {@link #record} joins the caller's transaction and refuses to run outside one
 * (Spring's {@code IllegalTransactionStateException}); the event is committed or rolled
 * back together with the business change it describes, and a failure to record rolls that
 * change back. Once committed, an event is linked into a single, gap-free SHA-256 hash
 * chain, whichever thread or replica wrote it.
 */
public interface AuditLog {

	/**
	 * Records the event in the current transaction.
	 * @param event what happened
	 * @return the event's id, unique and increasing in the order the events were written
	 */
	long record(AuditEvent event);

}

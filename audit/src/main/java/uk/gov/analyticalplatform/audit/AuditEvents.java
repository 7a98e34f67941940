package uk.gov.analyticalplatform.audit;

import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reading, exporting and verifying the audit log. Reading is itself audited:
 * {@link #export} records {@code audit.exported} and {@link #verify} records
 * {@code audit.verified}, each in a transaction of its own. Callers check that the actor
 * may read the log.
 */
public interface AuditEvents {

	/**
	 * Events matching the query, newest first.
	 * @param before the cursor from the previous page, or {@code null} for the newest
	 * @param limit page size, 1 to 500
	 */
	AuditPage search(AuditQuery query, Long before, int limit);

	/**
	 * Streams every matching event, newest first, to {@code sink} without holding them in
	 * memory.
	 * @return how many events were streamed
	 */
	long export(Actor actor, AuditQuery query, String format, Consumer<AuditRecord> sink);

	/**
	 * Links the events visible now (waiting a few seconds at most for older transactions
	 * still running in the cluster), then checks every link and every checkpoint.
	 */
	VerifyReport verify(Actor actor);

	/**
	 * Links pending events and signs a checkpoint of the head.
	 * @throws IllegalStateException when no signing key is configured
	 */
	Checkpoint checkpoint();

	/** Every checkpoint, oldest first. */
	List<Checkpoint> checkpoints();

	/**
	 * How long the oldest committed event not yet linked into the chain has waited, by
	 * its own time: zero when every committed event is linked. What the sequencer lag
	 * metric reports; a lag that keeps growing means the sequencer is stuck or a
	 * transaction somewhere in the cluster has run for that long, holding back the events
	 * committed after it began.
	 */
	Duration sequencerLag();

}

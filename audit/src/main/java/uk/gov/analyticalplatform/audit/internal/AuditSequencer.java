package uk.gov.analyticalplatform.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed events into the chain, in batches. Each batch locks the chain's single
 * head row, so any number of sequencers (threads or replicas) extend one chain, gap-free
 * and without forks; an event is linked exactly once because its queue entry is removed
 * in the same transaction that links it.
 */
class AuditSequencer {

	private static final String PENDING = "SELECT " + StoredEvent.COLUMNS
			+ " FROM audit_pending p JOIN audit_event e ON e.id = p.event_id ORDER BY p.event_id LIMIT ?";

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final int batchSize;

	private volatile Runnable wakeUp = () -> {
	};

	AuditSequencer(JdbcTemplate jdbc, TransactionTemplate transactions, Clock clock, int batchSize) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock;
		this.batchSize = batchSize;
	}

	/** Asks for pending events to be linked soon, off the caller's thread. */
	void wake() {
		this.wakeUp.run();
	}

	void onWake(Runnable wakeUp) {
		this.wakeUp = wakeUp;
	}

	/** Links every pending event, batch by batch; returns how many were linked. */
	long linkAll() {
		long linked = 0;
		int batch;
		do {
			batch = linkBatch();
			linked += batch;
		}
		while (batch == this.batchSize);
		return linked;
	}

	int linkBatch() {
		Integer linked = this.transactions.execute((status) -> {
			Head head = this.jdbc.queryForObject("SELECT seq, hash FROM audit_chain_head FOR UPDATE",
					(rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)));
			List<StoredEvent> pending = this.jdbc.query(PENDING, (rs, n) -> StoredEvent.read(rs), this.batchSize);
			if (pending.isEmpty()) {
				return 0;
			}
			Timestamp now = Timestamp.from(Instant.now(this.clock));
			List<Object[]> links = new ArrayList<>(pending.size());
			long seq = head.seq();
			byte[] hash = head.hash();
			for (StoredEvent event : pending) {
				seq++;
				byte[] prev = hash;
				hash = ChainHash.of(event, seq, prev);
				links.add(new Object[] { seq, event.id(), prev, hash, now });
			}
			this.jdbc.batchUpdate(
					"INSERT INTO audit_chain (seq, event_id, prev_hash, hash, chained_at) VALUES (?, ?, ?, ?, ?)",
					links);
			this.jdbc.update("DELETE FROM audit_pending WHERE event_id = ANY (?)",
					(Object) pending.stream().map(StoredEvent::id).toArray(Long[]::new));
			this.jdbc.update("UPDATE audit_chain_head SET seq = ?, hash = ?, updated_at = ?", seq, hash, now);
			return pending.size();
		});
		return (linked != null) ? linked : 0;
	}

	record Head(long seq, byte[] hash) {
	}

}

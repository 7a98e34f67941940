package uk.gov.analyticalplatform.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Links committed events into the chain, in batches, in the order of the transactions
 * that wrote them. Each batch locks the chain's single head row, which holds the
 * watermark, so any number of sequencers (threads or replicas) extend one chain, gap-free
 * and without forks, and link each event exactly once.
 */
class AuditSequencer {

	/**
	 * Events after the watermark, written by transactions that have all finished: no
	 * transaction older than the oldest one still running can add an event below it
	 * later. The snapshot that {@code pg_current_snapshot()} returns is the statement's
	 * own, so what is visible and what is finished agree. Events already in the chain are
	 * skipped, which only matters after the watermark has been reset (see
	 * {@link #linkBatch}).
	 */
	private static final String PENDING = "SELECT " + StoredEvent.COLUMNS + ", e.xid::text AS xid FROM audit_event e"
			+ " WHERE e.xid < pg_snapshot_xmin(pg_current_snapshot()) AND (e.xid, e.id) > (?::xid8, ?)"
			+ " AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)" + " ORDER BY e.xid, e.id LIMIT ?";

	/**
	 * Whether the watermark lies beyond every transaction id this database has handed
	 * out: the log was restored into another cluster (a dump and restore), whose
	 * transaction ids start again from a low number.
	 */
	private static final String WATERMARK_AHEAD = "SELECT last_xid > pg_current_xact_id() FROM audit_chain_head";

	private static final String UNLINKED_UP_TO = """
			SELECT count(*) FROM audit_event e, audit_chain_head h
			WHERE e.id <= ? AND (e.xid, e.id) > (h.last_xid, h.last_event_id)
			  AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)""";

	private static final String OLDEST_UNLINKED = """
			SELECT min(e.occurred_at) FROM audit_event e, audit_chain_head h
			WHERE (e.xid, e.id) > (h.last_xid, h.last_event_id)
			  AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)""";

	private static final Logger log = LoggerFactory.getLogger(AuditSequencer.class);

	static final String HEAD = "SELECT seq, hash, last_xid::text AS last_xid, last_event_id FROM audit_chain_head";

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

	/**
	 * Links every event visible now, waiting (up to {@code timeout}) for transactions
	 * that started earlier and still run anywhere in the cluster: until they end, the
	 * horizon holds back events committed after they began.
	 * @return whether every event visible at the start is linked
	 */
	boolean linkVisible(Duration timeout) {
		Long newest = this.jdbc.queryForObject("SELECT max(id) FROM audit_event", Long.class);
		if (newest == null) {
			return true;
		}
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			linkAll();
			Long unlinked = this.jdbc.queryForObject(UNLINKED_UP_TO, Long.class, newest);
			if (unlinked == null || unlinked == 0) {
				return true;
			}
			if (System.nanoTime() > deadline) {
				return false;
			}
			LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
		}
	}

	/**
	 * How long the oldest committed event above the watermark has waited; zero if none.
	 */
	Duration lag() {
		Timestamp oldest = this.jdbc.queryForObject(OLDEST_UNLINKED, Timestamp.class);
		if (oldest == null) {
			return Duration.ZERO;
		}
		Duration waited = Duration.between(oldest.toInstant(), this.clock.instant());
		return waited.isNegative() ? Duration.ZERO : waited;
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
			Head head = this.jdbc.queryForObject(HEAD + " FOR UPDATE", Head.ROW);
			Watermark watermark = head.watermark();
			if (Boolean.TRUE.equals(this.jdbc.queryForObject(WATERMARK_AHEAD, Boolean.class))) {
				log.warn(
						"The audit chain's watermark (transaction {}) is ahead of this database's transaction ids: "
								+ "the log was restored into another cluster. Scanning for events not yet linked.",
						watermark.xid());
				watermark = new Watermark("0", 0);
			}
			List<Watermark> marks = new ArrayList<>();
			List<StoredEvent> pending = this.jdbc.query(PENDING, (rs, n) -> {
				marks.add(new Watermark(rs.getString("xid"), rs.getLong("id")));
				return StoredEvent.read(rs);
			}, watermark.xid(), watermark.eventId(), this.batchSize);
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
			Watermark last = marks.get(marks.size() - 1);
			this.jdbc.update(
					"UPDATE audit_chain_head SET seq = ?, hash = ?, last_xid = ?::xid8, last_event_id = ?, updated_at = ?",
					seq, hash, last.xid(), last.eventId(), now);
			return pending.size();
		});
		return (linked != null) ? linked : 0;
	}

	/** The chain's newest link and the watermark. */
	record Head(long seq, byte[] hash, Watermark watermark) {

		static final RowMapper<Head> ROW = (rs, n) -> new Head(rs.getLong("seq"), rs.getBytes("hash"),
				new Watermark(rs.getString("last_xid"), rs.getLong("last_event_id")));

	}

	/** The (transaction, event) position up to which events are linked. */
	record Watermark(String xid, long eventId) {
	}

}

package uk.gov.analyticalplatform.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.transaction.support.TransactionTemplate;

/** Writes and reads signed checkpoints of the chain's head. */
class Checkpoints {

	private static final RowMapper<StoredCheckpoint> ROW = (rs, n) -> new StoredCheckpoint(rs.getLong("seq"),
			rs.getBytes("head_hash"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
			rs.getString("algorithm"), rs.getString("key_id"), rs.getBytes("signature"));

	private final JdbcTemplate jdbc;

	private final TransactionTemplate transactions;

	private final CheckpointSigner signer;

	private final Clock clock;

	Checkpoints(JdbcTemplate jdbc, TransactionTemplate transactions, CheckpointSigner signer, Clock clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.signer = signer;
		this.clock = clock;
	}

	boolean enabled() {
		return this.signer.canSign();
	}

	/**
	 * Signs the current head unless it is already signed; returns the newest checkpoint.
	 * Replicas that sign the same head at once write it once.
	 */
	StoredCheckpoint signHead() {
		return this.transactions.execute((status) -> {
			AuditSequencer.Head head = this.jdbc.queryForObject(AuditSequencer.HEAD, AuditSequencer.Head.ROW);
			Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
			byte[] signature = this.signer.sign(head.seq(), head.hash(), now);
			this.jdbc.update("""
					INSERT INTO audit_checkpoint (seq, head_hash, created_at, algorithm, key_id, signature)
					VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING""", head.seq(), head.hash(),
					Timestamp.from(now), CheckpointSigner.ALGORITHM, this.signer.signingKeyId(), signature);
			return this.jdbc.queryForObject("SELECT * FROM audit_checkpoint WHERE seq = ?", ROW, head.seq());
		});
	}

	List<StoredCheckpoint> all() {
		return this.jdbc.query("SELECT * FROM audit_checkpoint ORDER BY seq", ROW);
	}

}

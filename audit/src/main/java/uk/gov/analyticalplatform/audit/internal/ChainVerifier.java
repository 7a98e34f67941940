package uk.gov.analyticalplatform.audit.internal;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.VerifyReport;
import uk.gov.analyticalplatform.audit.VerifyReport.Status;

/**
 * Verifies checkpoint signatures, then streams the whole chain through a
 * {@link ChainWalk} with a server-side cursor, then looks for events that sit outside the
 * chain.
 */
class ChainVerifier {

	private static final String CHAIN = "SELECT c.seq, c.event_id AS linked_event_id, c.prev_hash, c.hash, "
			+ StoredEvent.COLUMNS + " FROM audit_chain c LEFT JOIN audit_event e ON e.id = c.event_id ORDER BY c.seq";

	/** Events at or below the sequencer's watermark that the chain does not hold. */
	private static final String UNLINKED = """
			SELECT min(e.id) FROM audit_event e, audit_chain_head h
			WHERE (e.xid, e.id) <= (h.last_xid, h.last_event_id)
			  AND NOT EXISTS (SELECT 1 FROM audit_chain c WHERE c.event_id = e.id)""";

	private static final String PENDING = """
			SELECT count(*) FROM audit_event e, audit_chain_head h
			WHERE (e.xid, e.id) > (h.last_xid, h.last_event_id)""";

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final Checkpoints checkpoints;

	private final CheckpointSigner signer;

	ChainVerifier(JdbcTemplate streaming, TransactionTemplate readOnly, Checkpoints checkpoints,
			CheckpointSigner signer) {
		this.streaming = streaming;
		this.readOnly = readOnly;
		this.checkpoints = checkpoints;
		this.signer = signer;
	}

	VerifyReport verify() {
		return this.readOnly.execute((status) -> {
			List<StoredCheckpoint> all = this.checkpoints.all();
			long pending = this.streaming.queryForObject(PENDING, Long.class);
			for (StoredCheckpoint checkpoint : all) {
				if (!this.signer.verify(checkpoint.seq(), checkpoint.headHash(), checkpoint.createdAt(),
						checkpoint.keyId(), checkpoint.signature())) {
					String why = this.signer.knows(checkpoint.keyId()) ? "has an invalid signature"
							: "is signed with unknown key '" + checkpoint.keyId() + "'";
					return new VerifyReport(Status.BROKEN, 0, 0, null, 0, pending, null, checkpoint.seq(),
							"The checkpoint of link " + checkpoint.seq() + " " + why
									+ ": it has been forged or altered.");
				}
			}
			ChainWalk walk = new ChainWalk(bySeq(all));
			this.streaming.query(CHAIN, (ResultSetExtractor<Void>) (rs) -> {
				boolean goOn = true;
				while (goOn && rs.next()) {
					goOn = walk.accept(rs.getLong("seq"), rs.getLong("linked_event_id"), rs.getBytes("prev_hash"),
							rs.getBytes("hash"), (rs.getObject("id") != null) ? StoredEvent.read(rs) : null);
				}
				return null;
			});
			walk.finish(all.isEmpty() ? null : all.get(all.size() - 1));
			return report(walk, all.size(), pending);
		});
	}

	private VerifyReport report(ChainWalk walk, int checkpointCount, long pending) {
		ChainWalk.Problem problem = walk.problem();
		if (problem != null) {
			return new VerifyReport(Status.BROKEN, walk.linked(), walk.headSeq(), ChainHash.hex(walk.headHash()),
					checkpointCount, pending, problem.eventId(), problem.seq(), problem.description());
		}
		Long unlinked = this.streaming.queryForObject(UNLINKED, Long.class);
		if (unlinked != null) {
			return new VerifyReport(Status.BROKEN, walk.linked(), walk.headSeq(), ChainHash.hex(walk
				.headHash()), checkpointCount, pending, unlinked, null, "Event " + unlinked
						+ " is neither in the chain nor waiting to be linked: it was written behind the log's back.");
		}
		return new VerifyReport(Status.OK, walk.linked(), walk.headSeq(), ChainHash.hex(walk.headHash()),
				checkpointCount, pending, null, null, null);
	}

	private static Map<Long, StoredCheckpoint> bySeq(List<StoredCheckpoint> checkpoints) {
		return checkpoints.stream().collect(Collectors.toMap(StoredCheckpoint::seq, Function.identity()));
	}

}

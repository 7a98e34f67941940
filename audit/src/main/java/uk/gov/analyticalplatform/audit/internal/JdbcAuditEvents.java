package uk.gov.analyticalplatform.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.AuditPage;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.audit.Checkpoint;
import uk.gov.analyticalplatform.audit.InvalidAuditQuery;
import uk.gov.analyticalplatform.audit.VerifyReport;

/** Reads the log with plain SQL; exports and verification stream through a cursor. */
class JdbcAuditEvents implements AuditEvents {

	private static final String SELECT = "SELECT " + StoredEvent.COLUMNS
			+ ", c.seq, c.prev_hash, c.hash FROM audit_event e LEFT JOIN audit_chain c ON c.event_id = e.id";

	private static final int MAX_PAGE = 500;

	/**
	 * How long verify and checkpoint wait for older transactions so that what is visible
	 * is linked.
	 */
	private static final Duration LINK_WAIT = Duration.ofSeconds(10);

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcTemplate jdbc;

	private final JdbcTemplate streaming;

	private final TransactionTemplate readOnly;

	private final TransactionTemplate ownTransaction;

	private final AuditLog auditLog;

	private final AuditSequencer sequencer;

	private final Checkpoints checkpoints;

	private final ChainVerifier verifier;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcAuditEvents(JdbcTemplate jdbc, JdbcTemplate streaming, TransactionTemplate transactions, AuditLog auditLog,
			AuditSequencer sequencer, Checkpoints checkpoints, ChainVerifier verifier) {
		this.jdbc = jdbc;
		this.streaming = streaming;
		this.readOnly = new TransactionTemplate(transactions.getTransactionManager());
		this.readOnly.setReadOnly(true);
		this.ownTransaction = new TransactionTemplate(transactions.getTransactionManager());
		this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.auditLog = auditLog;
		this.sequencer = sequencer;
		this.checkpoints = checkpoints;
		this.verifier = verifier;
	}

	@Override
	public AuditPage search(AuditQuery query, Long before, int limit) {
		if (limit < 1 || limit > MAX_PAGE) {
			throw new InvalidAuditQuery("A page holds 1 to " + MAX_PAGE + " events, not " + limit);
		}
		AuditFilter filter = AuditFilter.of(query, before);
		List<Object> parameters = new ArrayList<>(filter.parameters());
		parameters.add(limit + 1);
		List<AuditRecord> events = this.jdbc.query(SELECT + filter.where() + " ORDER BY e.id DESC LIMIT ?",
				(rs, n) -> toRecord(rs), parameters.toArray());
		if (events.size() <= limit) {
			return new AuditPage(events, null);
		}
		List<AuditRecord> page = events.subList(0, limit);
		return new AuditPage(List.copyOf(page), page.get(limit - 1).id());
	}

	@Override
	public long export(Actor actor, AuditQuery query, String format, Consumer<AuditRecord> sink) {
		this.ownTransaction.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(actor, "audit.exported", "audit_log", "events")
					.with("format", format)
					.with("filter", filterDetails(query))));
		AuditFilter filter = AuditFilter.of(query, null);
		Long count = this.readOnly.execute((status) -> this.streaming
			.query(SELECT + filter.where() + " ORDER BY e.id DESC", (ResultSetExtractor<Long>) (rs) -> {
				long streamed = 0;
				while (rs.next()) {
					sink.accept(toRecord(rs));
					streamed++;
				}
				return streamed;
			}, filter.parameters().toArray()));
		return (count != null) ? count : 0;
	}

	@Override
	public VerifyReport verify(Actor actor) {
		this.sequencer.linkVisible(LINK_WAIT);
		VerifyReport report = this.verifier.verify();
		this.ownTransaction.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(actor, "audit.verified", "audit_log", "chain")
					.with("status", report.status().name())
					.with("eventCount", report.eventCount())
					.with("headSeq", report.headSeq())
					.with("problem", report.problem())));
		return report;
	}

	@Override
	public Checkpoint checkpoint() {
		this.sequencer.linkVisible(LINK_WAIT);
		return this.checkpoints.signHead().toCheckpoint();
	}

	@Override
	public List<Checkpoint> checkpoints() {
		return this.checkpoints.all().stream().map(StoredCheckpoint::toCheckpoint).toList();
	}

	@Override
	public Duration sequencerLag() {
		return this.sequencer.lag();
	}

	private AuditRecord toRecord(ResultSet rs) throws SQLException {
		StoredEvent event = StoredEvent.read(rs);
		long seq = rs.getLong("seq");
		boolean linked = !rs.wasNull();
		return new AuditRecord(event.id(), event.occurredAt(), event.actorUserId(), event.actorUsername(),
				event.actorIp(), event.actorUserAgent(), event.requestId(), event.action(), event.targetType(),
				event.targetId(), this.json.readValue(event.detailsJson(), DETAILS), linked ? seq : null,
				ChainHash.hex(rs.getBytes("prev_hash")), ChainHash.hex(rs.getBytes("hash")));
	}

	private static Map<String, Object> filterDetails(AuditQuery query) {
		Map<String, Object> filter = new java.util.LinkedHashMap<>();
		filter.put("actor", query.actor());
		filter.put("actionPrefix", query.actionPrefix());
		filter.put("targetType", query.targetType());
		filter.put("targetId", query.targetId());
		filter.put("from", (query.from() != null) ? query.from().toString() : null);
		filter.put("to", (query.to() != null) ? query.to().toString() : null);
		return filter;
	}

}

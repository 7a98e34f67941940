package uk.gov.analyticalplatform.audit.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.AuditRequestContext;
import uk.gov.analyticalplatform.audit.AuditRequestContext.RequestDetails;

/**
 * Writes the event with one single-row INSERT in the caller's transaction, and wakes the
 * sequencer once that transaction has committed. Linking happens after commit so that
 * writers never wait on each other for the chain's head.
 */
class JdbcAuditLog implements AuditLog {

	private static final String INSERT = """
			INSERT INTO audit_event (occurred_at, actor_user_id, actor_username, actor_ip, actor_user_agent,
			                         request_id, action, target_type, target_id, details)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)
			RETURNING id""";

	private final JdbcTemplate jdbc;

	private final AuditRequestContext requestContext;

	private final AuditSequencer sequencer;

	private final Clock clock;

	private final JsonMapper json = JsonMapper.builder().build();

	JdbcAuditLog(JdbcTemplate jdbc, AuditRequestContext requestContext, AuditSequencer sequencer, Clock clock) {
		this.jdbc = jdbc;
		this.requestContext = requestContext;
		this.sequencer = sequencer;
		this.clock = clock;
	}

	@Override
	public long record(AuditEvent event) {
		if (!TransactionSynchronizationManager.isActualTransactionActive()) {
			throw new IllegalTransactionStateException(
					"AuditLog.record joins the caller's transaction and there is none: an audit event "
							+ "must commit or roll back with the change it describes");
		}
		RequestDetails request = this.requestContext.current().orElse(null);
		Instant now = Instant.now(this.clock).truncatedTo(ChronoUnit.MICROS);
		Long id = this.jdbc.queryForObject(INSERT, Long.class, Timestamp.from(now), event.actor().userId(),
				event.actor().username(), (request != null) ? request.ip() : null,
				(request != null) ? request.userAgent() : null, (request != null) ? request.requestId() : null,
				event.action(), event.targetType(), event.targetId(), this.json.writeValueAsString(event.details()));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void afterCommit() {
				JdbcAuditLog.this.sequencer.wake();
			}
		});
		return id;
	}

}

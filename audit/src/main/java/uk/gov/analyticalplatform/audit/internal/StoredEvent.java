package uk.gov.analyticalplatform.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * An event row exactly as stored, with its details as PostgreSQL renders the
 * {@code jsonb} value; both the sequencer and the verifier hash this form.
 */
record StoredEvent(long id, Instant occurredAt, String actorUserId, String actorUsername, String actorIp,
		String actorUserAgent, String requestId, String action, String targetType, String targetId,
		String detailsJson) {

	/** The columns {@link #read} expects, for a query over {@code audit_event e}. */
	static final String COLUMNS = "e.id, e.occurred_at, e.actor_user_id, e.actor_username, e.actor_ip, "
			+ "e.actor_user_agent, e.request_id, e.action, e.target_type, e.target_id, e.details::text AS details";

	static StoredEvent read(ResultSet rs) throws SQLException {
		return new StoredEvent(rs.getLong("id"),
				rs.getObject("occurred_at", java.time.OffsetDateTime.class).toInstant(), rs.getString("actor_user_id"),
				rs.getString("actor_username"), rs.getString("actor_ip"), rs.getString("actor_user_agent"),
				rs.getString("request_id"), rs.getString("action"), rs.getString("target_type"),
				rs.getString("target_id"), rs.getString("details"));
	}

}

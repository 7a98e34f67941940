package uk.gov.analyticalplatform.audit;

import java.util.Arrays;

import tools.jackson.databind.json.JsonMapper;

/**
 * The audit log as CSV, one event a line, each cell quoted and defused by {@link Csv}.
 * The API's export and any other writer of the audit log produce the same file.
 */
public final class AuditCsv {

	/** The header line, ending in CRLF. */
	public static final String HEADER = "id,seq,occurred_at,actor_user_id,actor_username,actor_ip,actor_user_agent,"
			+ "request_id,action,target_type,target_id,details,prev_hash,hash\r\n";

	private static final JsonMapper json = JsonMapper.builder().build();

	private AuditCsv() {
	}

	/** One event as one line, ending in CRLF; its details as JSON in one cell. */
	public static String line(AuditRecord event) {
		return Csv.line(Arrays.asList(Long.toString(event.id()), (event.seq() != null) ? event.seq().toString() : null,
				event.occurredAt().toString(), event.actorUserId(), event.actorUsername(), event.actorIp(),
				event.actorUserAgent(), event.requestId(), event.action(), event.targetType(), event.targetId(),
				json.writeValueAsString(event.details()), event.prevHash(), event.hash()));
	}

}

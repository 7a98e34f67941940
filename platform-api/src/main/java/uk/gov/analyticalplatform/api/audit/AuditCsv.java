package uk.gov.analyticalplatform.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Arrays;

import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.web.internal.support.Csv;

/**
 * The audit log as CSV (quoted and defused by {@link Csv}), one event a line, newest
 * first.
 */
class AuditCsv implements AuditLines {

	static final String HEADER = "id,seq,occurred_at,actor_user_id,actor_username,actor_ip,actor_user_agent,"
			+ "request_id,action,target_type,target_id,details,prev_hash,hash";

	private static final JsonMapper json = JsonMapper.builder().build();

	private final Writer writer;

	AuditCsv(Writer writer) {
		this.writer = writer;
	}

	@Override
	public void header() {
		line(HEADER + "\r\n");
	}

	@Override
	public void write(AuditRecord event) {
		line(Csv.line(Arrays.asList(Long.toString(event.id()), (event.seq() != null) ? event.seq().toString() : null,
				event.occurredAt().toString(), event.actorUserId(), event.actorUsername(), event.actorIp(),
				event.actorUserAgent(), event.requestId(), event.action(), event.targetType(), event.targetId(),
				json.writeValueAsString(event.details()), event.prevHash(), event.hash())));
	}

	private void line(String text) {
		try {
			this.writer.write(text);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package uk.gov.analyticalplatform.api.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.audit.AuditRecord;

/**
 * RFC 4180 CSV, one event a line, newest first. A value that a spreadsheet would take for
 * a formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with
 * a single quote, so that opening an export cannot run anything an actor smuggled into
 * the log.
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
		line(HEADER);
	}

	@Override
	public void write(AuditRecord event) {
		List<String> fields = new ArrayList<>();
		fields.add(Long.toString(event.id()));
		fields.add((event.seq() != null) ? event.seq().toString() : "");
		fields.add(event.occurredAt().toString());
		for (String text : new String[] { event.actorUserId(), event.actorUsername(), event.actorIp(),
				event.actorUserAgent(), event.requestId(), event.action(), event.targetType(), event.targetId(),
				json.writeValueAsString(event.details()), event.prevHash(), event.hash() }) {
			fields.add(field(text));
		}
		line(String.join(",", fields));
	}

	static String field(String value) {
		if (value == null) {
			return "";
		}
		String safe = value;
		if (!safe.isEmpty() && "=+-@\t\r".indexOf(safe.charAt(0)) >= 0) {
			safe = "'" + safe;
		}
		if (safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				|| !safe.equals(value)) {
			return "\"" + safe.replace("\"", "\"\"") + "\"";
		}
		return safe;
	}

	private void line(String text) {
		try {
			this.writer.write(text);
			this.writer.write("\r\n");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

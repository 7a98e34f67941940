package uk.gov.analyticalplatform.api.dataaccess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/**
 * The access review as RFC 4180 CSV, one grant a line: who can do what, since when,
 * granted or approved by whom, why, until when. A value a spreadsheet would take for a
 * formula (starting with {@code = + - @}, a tab or a carriage return) is prefixed with a
 * single quote, so that opening the review cannot run anything smuggled into a
 * justification.
 */
class AccessReviewCsv {

	static final String HEADER = "grant_id,dataset,principal_type,principal,members,level,paths,since,granted_by,"
			+ "request_id,justification,expires_at,revoked_at,revoked_by";

	private final Writer writer;

	AccessReviewCsv(Writer writer) {
		this.writer = writer;
	}

	void header() {
		line(HEADER);
	}

	void write(AccessReviewEntry entry) {
		List<String> fields = new ArrayList<>();
		fields.add(entry.grantId().toString());
		fields.add(entry.dataset().name());
		fields.add(entry.principal().type().name());
		fields.add((entry.principal().name() != null) ? entry.principal().name() : entry.principal().id());
		fields.add(entry.members().stream().map(UserRef::username).collect(Collectors.joining(" ")));
		fields.add(entry.level().name());
		fields.add(paths(entry.paths()));
		fields.add(time(entry.since()));
		fields.add((entry.grantedBy() != null) ? entry.grantedBy().username() : "");
		fields.add((entry.requestId() != null) ? entry.requestId().toString() : "");
		fields.add(entry.justification());
		fields.add(time(entry.expiresAt()));
		fields.add(time(entry.revokedAt()));
		fields.add(entry.revokedBy());
		line(fields.stream().map(AccessReviewCsv::field).collect(Collectors.joining(",")));
	}

	static String paths(List<PathAccess> paths) {
		return paths.stream().map((path) -> path.path() + ":" + path.level().name()).collect(Collectors.joining(" "));
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

	private static String time(Instant at) {
		return (at != null) ? at.toString() : "";
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

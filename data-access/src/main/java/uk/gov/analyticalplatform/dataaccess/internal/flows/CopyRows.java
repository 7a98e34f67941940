package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes events as rows of PostgreSQL's {@code COPY ... FROM STDIN} text format, one line
 * a row: columns separated by tabs, {@code \N} for null, and backslash, tab, newline and
 * carriage return escaped. Pure: writes to the writer it is given.
 */
final class CopyRows {

	/** The columns of {@code data_access_event} each row holds, in order. */
	static final String COLUMNS = "log_key, line, at, dataset_id, bucket, object_key, path, operation, direction, "
			+ "http_status, bytes, requester, role_name, principal_type, principal, request_id";

	private final Writer out;

	private final String logKey;

	private Instant lastAt;

	private String lastAtText;

	private UUID lastDataset;

	private String lastDatasetText;

	private int rows;

	CopyRows(Writer out, String logKey) {
		this.out = out;
		this.logKey = logKey;
	}

	/** Whether text can be stored: PostgreSQL's text holds no NUL character. */
	static boolean storable(String text) {
		return text == null || text.indexOf('\0') < 0;
	}

	/** Writes one event: line {@code number} of the log file. */
	void add(int number, AccessLogLine log, FlowMapping.Flow flow) throws IOException {
		text(this.logKey);
		tab();
		this.out.write(Integer.toString(number));
		tab();
		this.out.write(at(log.at()));
		tab();
		this.out.write(dataset(flow.datasetId()));
		tab();
		text(log.bucket());
		tab();
		text(flow.objectKey());
		tab();
		text(flow.path());
		tab();
		text(log.operation());
		tab();
		this.out.write(flow.direction());
		tab();
		this.out.write(Integer.toString(log.httpStatus()));
		tab();
		this.out.write(Long.toString(flow.bytes()));
		tab();
		text(log.requester());
		tab();
		text(flow.roleName());
		tab();
		this.out.write(flow.principalType());
		tab();
		text(flow.principal());
		tab();
		text(log.requestId());
		this.out.write('\n');
		this.rows++;
	}

	/** How many rows were written. */
	int rows() {
		return this.rows;
	}

	/** Consecutive lines mostly share their second: formatted once. */
	private String at(Instant at) {
		if (!at.equals(this.lastAt)) {
			this.lastAt = at;
			this.lastAtText = at.toString();
		}
		return this.lastAtText;
	}

	private String dataset(UUID dataset) {
		if (dataset == null) {
			return "\\N";
		}
		if (!dataset.equals(this.lastDataset)) {
			this.lastDataset = dataset;
			this.lastDatasetText = dataset.toString();
		}
		return this.lastDatasetText;
	}

	private void tab() throws IOException {
		this.out.write('\t');
	}

	private void text(String value) throws IOException {
		if (value == null) {
			this.out.write("\\N");
			return;
		}
		int from = 0;
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			String escaped = switch (c) {
				case '\\' -> "\\\\";
				case '\t' -> "\\t";
				case '\n' -> "\\n";
				case '\r' -> "\\r";
				default -> null;
			};
			if (escaped != null) {
				this.out.write(value, from, i - from);
				this.out.write(escaped);
				from = i + 1;
			}
		}
		this.out.write(value, from, value.length() - from);
	}

}

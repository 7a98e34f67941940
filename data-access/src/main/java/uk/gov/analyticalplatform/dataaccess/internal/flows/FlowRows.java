package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.PGCopyOutputStream;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.DataAccessEvent;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.FlowFilter;
import uk.gov.analyticalplatform.dataaccess.FlowSummary;

/** The {@code data_access_event} and {@code data_access_log_files} tables. */
class FlowRows {

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	FlowRows(JdbcClient jdbc, JdbcTemplate template) {
		this.jdbc = jdbc;
		this.template = template;
	}

	/** Writes rows of {@link CopyRows}' format; what it returns is handed back. */
	@FunctionalInterface
	interface RowWriter<T> {

		T write(Writer out) throws IOException;

	}

	/**
	 * Streams events into {@code data_access_event} with {@code COPY ... FROM STDIN} in
	 * the caller's transaction, while {@code rows} writes them.
	 */
	<T> T copy(RowWriter<T> rows) {
		return this.template.execute((ConnectionCallback<T>) (connection) -> {
			CopyIn copy = connection.unwrap(PGConnection.class)
				.getCopyAPI()
				.copyIn("COPY data_access_event (" + CopyRows.COLUMNS + ") FROM STDIN");
			try {
				Writer out = new BufferedWriter(
						new OutputStreamWriter(new PGCopyOutputStream(copy, 1 << 16), StandardCharsets.UTF_8), 1 << 16);
				T written = rows.write(out);
				out.close();
				return written;
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			finally {
				if (copy.isActive()) {
					copy.cancelCopy();
				}
			}
		});
	}

	/**
	 * Deletes the events of a log file not recorded as read (none, unless pruned apart).
	 */
	void deleteEvents(String logKey) {
		this.jdbc.sql("DELETE FROM data_access_event WHERE log_key = :key").param("key", logKey).update();
	}

	boolean read(String logKey) {
		return this.jdbc.sql("SELECT count(*) FROM data_access_log_files WHERE log_key = :key")
			.param("key", logKey)
			.query(Integer.class)
			.single() > 0;
	}

	/** Records a log file as read; false if another pass recorded it first. */
	boolean markRead(String logKey, int lines, int stored, int skipped, Instant at) {
		return this.jdbc.sql("""
				INSERT INTO data_access_log_files (log_key, lines, stored, skipped, read_at)
				VALUES (:key, :lines, :stored, :skipped, :at) ON CONFLICT (log_key) DO NOTHING
				""")
			.param("key", logKey)
			.param("lines", lines)
			.param("stored", stored)
			.param("skipped", skipped)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	/** The log files read whose keys sort at or after the given one. */
	java.util.Set<String> readSince(String fromKey) {
		return new java.util.HashSet<>(this.jdbc.sql(
				"SELECT log_key FROM data_access_log_files WHERE log_key COLLATE \"C\" >= :from AND starts_with(log_key, :prefix)")
			.param("from", fromKey)
			.param("prefix", fromKey.substring(0, fromKey.indexOf('/') + 1))
			.query(String.class)
			.list());
	}

	/** The last log file read under the prefix, by key. */
	Optional<String> lastRead(String prefix) {
		return this.jdbc
			.sql("SELECT max(log_key COLLATE \"C\") FROM data_access_log_files WHERE starts_with(log_key, :prefix)")
			.param("prefix", prefix)
			.query(String.class)
			.optional();
	}

	List<FlowMapping.Location> locations() {
		return this.jdbc.sql("SELECT id, bucket, root_prefix FROM datasets WHERE kind = 'S3'")
			.query((row, n) -> new FlowMapping.Location(row.getObject(1, UUID.class), row.getString(2),
					row.getString(3)))
			.list();
	}

	List<String> buckets() {
		return this.jdbc.sql("SELECT DISTINCT bucket FROM datasets WHERE kind = 'S3' ORDER BY bucket")
			.query(String.class)
			.list();
	}

	int deleteBefore(Instant before) {
		int events = this.jdbc.sql("DELETE FROM data_access_event WHERE at < :before")
			.param("before", Timestamp.from(before))
			.update();
		this.jdbc.sql("DELETE FROM data_access_log_files WHERE read_at < :before")
			.param("before", Timestamp.from(before))
			.update();
		return events;
	}

	List<DataAccessEvent> events(UUID datasetId, String principalType, String principal, FlowFilter filter) {
		Where where = where(datasetId, principalType, principal, filter);
		return this.jdbc
			.sql("SELECT e.*, d.name AS dataset_name FROM data_access_event e "
					+ "LEFT JOIN datasets d ON d.id = e.dataset_id" + where.sql
					+ " ORDER BY e.at DESC, e.log_key, e.line " + "LIMIT " + filter.limit())
			.params(where.params)
			.query(FlowRows::event)
			.list();
	}

	List<FlowSummary> summary(UUID datasetId, FlowFilter filter) {
		Where where = where(datasetId, null, null, filter);
		return this.jdbc.sql("""
				SELECT e.principal_type, e.principal, e.role_name, e.path, e.direction, count(*) AS requests,
				       count(DISTINCT e.object_key) AS objects, sum(e.bytes) AS bytes, min(e.at) AS first_at,
				       max(e.at) AS last_at
				  FROM data_access_event e""" + where.sql + " " + """
				GROUP BY e.principal_type, e.principal, e.role_name, e.path, e.direction
				ORDER BY last_at DESC LIMIT """ + " " + filter.limit())
			.params(where.params)
			.query((row, n) -> new FlowSummary(row.getString(1), row.getString(2), row.getString(3), row.getString(4),
					row.getString(5), row.getLong(6), row.getLong(7), row.getLong(8), row.getTimestamp(9).toInstant(),
					row.getTimestamp(10).toInstant()))
			.list();
	}

	Map<String, Instant> lastReads(UUID datasetId) {
		Map<String, Instant> reads = new LinkedHashMap<>();
		this.jdbc.sql("""
				SELECT principal, max(at) FROM data_access_event
				 WHERE dataset_id = :dataset AND direction = 'READ' AND principal_type = 'USER'
				 GROUP BY principal ORDER BY principal
				""")
			.param("dataset", datasetId)
			.query((row, n) -> reads.put(row.getString(1), row.getTimestamp(2).toInstant()))
			.list();
		return reads;
	}

	private record Where(String sql, Map<String, Object> params) {

	}

	private static Where where(UUID datasetId, String principalType, String principal, FlowFilter filter) {
		StringBuilder sql = new StringBuilder(" WHERE true");
		Map<String, Object> params = new LinkedHashMap<>();
		if (datasetId != null) {
			sql.append(" AND e.dataset_id = :dataset");
			params.put("dataset", datasetId);
		}
		if (principalType != null) {
			sql.append(" AND e.principal_type = :type");
			params.put("type", principalType);
		}
		String who = (principal != null) ? principal : filter.principal();
		if (who != null && !who.isBlank()) {
			sql.append(" AND e.principal = :principal");
			params.put("principal", who.trim());
		}
		if (filter.pathPrefix() != null && !filter.pathPrefix().isBlank()) {
			sql.append(" AND starts_with(e.path, :path)");
			params.put("path", filter.pathPrefix().trim());
		}
		if (filter.direction() != null && !filter.direction().isBlank()) {
			sql.append(" AND e.direction = :direction");
			params.put("direction", filter.direction().trim().toUpperCase());
		}
		if (filter.from() != null) {
			sql.append(" AND e.at >= :from");
			params.put("from", Timestamp.from(filter.from()));
		}
		if (filter.to() != null) {
			sql.append(" AND e.at < :to");
			params.put("to", Timestamp.from(filter.to()));
		}
		return new Where(sql.toString(), params);
	}

	private static DataAccessEvent event(ResultSet row, int n) throws SQLException {
		UUID dataset = row.getObject("dataset_id", UUID.class);
		return new DataAccessEvent(row.getTimestamp("at").toInstant(),
				(dataset != null) ? new DatasetRef(dataset, row.getString("dataset_name")) : null,
				row.getString("object_key"), row.getString("path"), row.getString("operation"),
				row.getString("direction"), row.getInt("http_status"), row.getLong("bytes"),
				row.getString("principal_type"), row.getString("principal"), row.getString("role_name"),
				row.getString("request_id"));
	}

}

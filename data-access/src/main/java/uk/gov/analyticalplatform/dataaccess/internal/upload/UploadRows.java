package uk.gov.analyticalplatform.dataaccess.internal.upload;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.Upload;
import uk.gov.analyticalplatform.dataaccess.UploadNotFound;
import uk.gov.analyticalplatform.dataaccess.UploadState;
import uk.gov.analyticalplatform.dataaccess.UploadedPart;

/** The {@code dataset_uploads} and {@code dataset_upload_parts} tables. */
class UploadRows {

	private static final String SELECT = """
			SELECT u.*, d.name AS dataset_name, d.bucket FROM dataset_uploads u JOIN datasets d ON d.id = u.dataset_id
			""";

	private final JdbcClient jdbc;

	UploadRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An upload row with what S3 needs: its bucket, key and multipart upload id.
	 *
	 * @param upload the upload
	 * @param bucket its bucket
	 * @param key its object key
	 * @param s3UploadId S3's multipart upload id
	 * @param createdById who uploads it
	 * @param s3VersionId the object version it made, once completed
	 */
	record Row(Upload upload, String bucket, String key, String s3UploadId, String createdById, String s3VersionId) {

	}

	boolean liveAt(UUID datasetId, String key) {
		return this.jdbc
			.sql("SELECT count(*) FROM dataset_uploads WHERE dataset_id = :dataset AND object_key = :key "
					+ "AND state = 'IN_PROGRESS'")
			.param("dataset", datasetId)
			.param("key", key)
			.query(Integer.class)
			.single() > 0;
	}

	void insert(UUID id, UUID datasetId, String path, String key, String s3UploadId, long size, long partSize,
			String expectedSha256, String userId, String username, Instant at) {
		this.jdbc.sql("""
				INSERT INTO dataset_uploads (id, dataset_id, path, object_key, s3_upload_id, size_bytes, part_size,
				  expected_sha256, state, created_by_id, created_by, created_at)
				VALUES (:id, :dataset, :path, :key, :s3, :size, :partSize, :sha, 'IN_PROGRESS', :userId, :user, :at)
				""")
			.param("id", id)
			.param("dataset", datasetId)
			.param("path", path)
			.param("key", key)
			.param("s3", s3UploadId)
			.param("size", size)
			.param("partSize", partSize)
			.param("sha", expectedSha256, java.sql.Types.VARCHAR)
			.param("userId", userId)
			.param("user", username)
			.param("at", Timestamp.from(at))
			.update();
	}

	void part(UUID uploadId, UploadedPart part, String etag, Instant at) {
		this.jdbc.sql("""
				INSERT INTO dataset_upload_parts (upload_id, part_number, size_bytes, sha256, etag, received_at)
				VALUES (:id, :n, :size, :sha, :etag, :at)
				ON CONFLICT (upload_id, part_number) DO UPDATE
				  SET size_bytes = EXCLUDED.size_bytes, sha256 = EXCLUDED.sha256, etag = EXCLUDED.etag,
				      received_at = EXCLUDED.received_at
				""")
			.param("id", uploadId)
			.param("n", part.partNumber())
			.param("size", part.size())
			.param("sha", part.sha256())
			.param("etag", etag)
			.param("at", Timestamp.from(at))
			.update();
	}

	/** The SHA-256 of each part that passed through the control plane, by ETag. */
	Map<String, String> partHashes(UUID uploadId) {
		return this.jdbc.sql("SELECT etag, sha256 FROM dataset_upload_parts WHERE upload_id = :id")
			.param("id", uploadId)
			.query((row, n) -> Map.entry(row.getString(1), row.getString(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> b));
	}

	/** Ends an upload in progress; false if it was no longer in progress. */
	boolean finish(UUID id, UploadState state, String sha256, String versionId, String reason, Instant at) {
		return this.jdbc.sql("""
				UPDATE dataset_uploads SET state = :state, sha256 = :sha, s3_version_id = :version, reason = :reason,
				  finished_at = :at WHERE id = :id AND state = 'IN_PROGRESS'
				""")
			.param("id", id)
			.param("state", state.name())
			.param("sha", sha256, java.sql.Types.VARCHAR)
			.param("version", versionId, java.sql.Types.VARCHAR)
			.param("reason", reason, java.sql.Types.VARCHAR)
			.param("at", Timestamp.from(at))
			.update() > 0;
	}

	void sealed(List<UUID> uploads, UUID versionId) {
		for (UUID upload : uploads) {
			this.jdbc.sql("UPDATE dataset_uploads SET sealed_version_id = :version WHERE id = :id")
				.param("version", versionId)
				.param("id", upload)
				.update();
		}
	}

	Row get(UUID id) {
		return find(id).orElseThrow(() -> UploadNotFound.forId(id));
	}

	Optional<Row> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = :id").param("id", id).query(UploadRows::row).optional();
	}

	/** Completed uploads under a key prefix of the dataset, by key (the newest each). */
	List<Row> completedUnder(UUID datasetId, String keyPrefix) {
		return this.jdbc.sql(SELECT + """
				 WHERE u.dataset_id = :dataset AND u.state = 'COMPLETED' AND starts_with(u.object_key, :prefix)
				 ORDER BY u.finished_at
				""").param("dataset", datasetId).param("prefix", keyPrefix).query(UploadRows::row).list();
	}

	List<Row> ofDataset(UUID datasetId, String onlyUserId) {
		return this.jdbc.sql(SELECT + """
				 WHERE u.dataset_id = :dataset AND (CAST(:user AS text) IS NULL OR u.created_by_id = :user)
				 ORDER BY u.created_at DESC LIMIT 500
				""")
			.param("dataset", datasetId)
			.param("user", onlyUserId, java.sql.Types.VARCHAR)
			.query(UploadRows::row)
			.list();
	}

	/** Uploads still in progress that started before the time: abandoned. */
	List<UUID> startedBefore(Instant before, int limit) {
		return this.jdbc
			.sql("SELECT id FROM dataset_uploads WHERE state = 'IN_PROGRESS' AND created_at < :before "
					+ "ORDER BY created_at LIMIT :limit")
			.param("before", Timestamp.from(before))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	private static Row row(ResultSet row, int n) throws SQLException {
		long size = row.getLong("size_bytes");
		long partSize = row.getLong("part_size");
		Timestamp finished = row.getTimestamp("finished_at");
		String bucket = row.getString("bucket");
		String key = row.getString("object_key");
		Upload upload = new Upload(row.getObject("id", UUID.class),
				new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("dataset_name")),
				row.getString("path"), "s3://" + bucket + "/" + key, size, partSize, partCount(size, partSize),
				row.getString("expected_sha256"), row.getString("sha256"), UploadState.valueOf(row.getString("state")),
				row.getString("reason"), row.getString("created_by"), row.getTimestamp("created_at").toInstant(),
				(finished != null) ? finished.toInstant() : null, row.getObject("sealed_version_id", UUID.class),
				List.of());
		return new Row(upload, bucket, key, row.getString("s3_upload_id"), row.getString("created_by_id"),
				row.getString("s3_version_id"));
	}

	static int partCount(long size, long partSize) {
		return (int) Math.max(1, (size + partSize - 1) / partSize);
	}

}

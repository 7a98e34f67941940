package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.DatasetVersionNotFound;
import uk.gov.analyticalplatform.dataaccess.DatasetVersions;
import uk.gov.analyticalplatform.dataaccess.DuplicateDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.dataaccess.ManifestEntry;
import uk.gov.analyticalplatform.dataaccess.NewDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.VersionVerification;
import uk.gov.analyticalplatform.dataaccess.VersionVerification.Kind;
import uk.gov.analyticalplatform.dataaccess.VersionVerification.Problem;
import uk.gov.analyticalplatform.dataaccess.internal.status.RoleStatusRows;

/** Registers, lists and verifies dataset versions. */
public class DatasetVersionService implements DatasetVersions {

	private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");

	private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

	private final JdbcClient jdbc;

	private final DatasetRows datasets;

	private final DatasetCatalogService catalog;

	private final RoleStatusRows roles;

	private final ObjectStore objects;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	public DatasetVersionService(JdbcClient jdbc, DatasetRows datasets, DatasetCatalogService catalog,
			RoleStatusRows roles, ObjectStore objects, AuditLog audit, TransactionOperations transactions,
			Clock clock) {
		this.jdbc = jdbc;
		this.datasets = datasets;
		this.catalog = catalog;
		this.roles = roles;
		this.objects = objects;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	@Override
	public DatasetVersion register(Caller caller, UUID datasetId, NewDatasetVersion version) {
		if (!LABEL.matcher(version.version()).matches()) {
			throw new InvalidDataset(
					"A version label is letters, digits and . _ - (up to 63), not '" + version.version() + "'");
		}
		String relative = DatasetPaths.prefix(version.s3Prefix());
		if (relative.isEmpty()) {
			throw new InvalidPath("A version needs a prefix of its own, such as 'versions/v1/'");
		}
		if (version.manifest().isEmpty()) {
			throw new InvalidDataset("A version's manifest lists at least one object");
		}
		version.manifest().forEach(DatasetVersionService::checkEntry);
		return this.transactions.execute((tx) -> {
			Dataset dataset = this.datasets.lock(datasetId);
			if (dataset.kind() != DatasetKind.S3) {
				throw new InvalidDataset("Only S3 datasets have versions; " + dataset.name() + " is an Athena dataset");
			}
			requireWriter(caller, dataset);
			String prefix = dataset.rootPrefix() + relative;
			if (taken(datasetId, version.version(), prefix)) {
				throw new DuplicateDatasetVersion(
						dataset.name() + " already has version " + version.version() + " or one at " + prefix);
			}
			UUID id = insert(dataset, version, prefix, caller);
			this.roles.bumpHoldersOf(datasetId);
			this.audit
				.record(AuditEvent.of(caller.actor(), "dataset_version.registered", "dataset", datasetId.toString())
					.with("dataset", dataset.name())
					.with("versionId", id.toString())
					.with("version", version.version())
					.with("prefix", prefix)
					.with("objects", version.manifest().size()));
			return get(id);
		});
	}

	@Override
	public List<DatasetVersion> list(UUID datasetId) {
		this.datasets.get(datasetId);
		return this.jdbc.sql(select() + " WHERE v.dataset_id = :dataset ORDER BY v.registered_at DESC, v.version DESC")
			.param("dataset", datasetId)
			.query((row, n) -> version(row, List.of()))
			.list();
	}

	@Override
	public DatasetVersion get(UUID versionId) {
		return this.jdbc.sql(select() + " WHERE v.id = :id")
			.param("id", versionId)
			.query((row, n) -> version(row, manifest(versionId)))
			.optional()
			.orElseThrow(() -> DatasetVersionNotFound.forId(versionId));
	}

	@Override
	public VersionVerification verify(UUID versionId) {
		DatasetVersion version = get(versionId);
		String bucket = version.s3Uri().substring(5, version.s3Uri().indexOf('/', 5));
		String prefix = version.s3Uri().substring(6 + bucket.length());
		Map<String, Long> found = this.objects.list(bucket, prefix);
		List<Problem> problems = new ArrayList<>();
		Set<String> expected = new HashSet<>();
		for (ManifestEntry entry : version.manifest()) {
			expected.add(prefix + entry.key());
			Long size = found.get(prefix + entry.key());
			if (size == null) {
				problems.add(new Problem(entry.key(), Kind.MISSING, "not in S3"));
			}
			else if (size != entry.size()) {
				problems.add(new Problem(entry.key(), Kind.SIZE_CHANGED,
						"expected " + entry.size() + " bytes, found " + size));
			}
			else {
				Optional<String> sha = this.objects.sha256(bucket, prefix + entry.key());
				if (sha.isEmpty() || !sha.get().equals(entry.sha256())) {
					problems.add(new Problem(entry.key(), Kind.CONTENT_CHANGED,
							"expected sha256 " + entry.sha256() + ", found " + sha.orElse("nothing")));
				}
			}
		}
		found.keySet()
			.stream()
			.filter((key) -> !expected.contains(key))
			.sorted()
			.forEach((key) -> problems
				.add(new Problem(key.substring(prefix.length()), Kind.UNEXPECTED_OBJECT, "not in the manifest")));
		return new VersionVerification(versionId, this.clock.instant(), version.manifest().size(), problems);
	}

	private void requireWriter(Caller caller, Dataset dataset) {
		if (this.catalog.canManage(caller, dataset)) {
			return;
		}
		boolean writer = this.jdbc.sql("""
				SELECT count(*) FROM grants g LEFT JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND g.level IN ('READ_WRITE', 'ADMIN')
				   AND (g.user_id = :user OR m.user_id = :user)
				""").param("dataset", dataset.id()).param("user", caller.userId()).query(Integer.class).single() > 0;
		if (!writer) {
			throw new PermissionDenied(caller.username() + " may not register versions of " + dataset.name());
		}
	}

	private boolean taken(UUID datasetId, String label, String prefix) {
		return this.jdbc
			.sql("SELECT count(*) FROM dataset_versions WHERE dataset_id = :dataset "
					+ "AND (version = :label OR s3_prefix = :prefix)")
			.param("dataset", datasetId)
			.param("label", label)
			.param("prefix", prefix)
			.query(Integer.class)
			.single() > 0;
	}

	private UUID insert(Dataset dataset, NewDatasetVersion version, String prefix, Caller caller) {
		UUID id = UUID.randomUUID();
		long total = version.manifest().stream().mapToLong(ManifestEntry::size).sum();
		this.jdbc.sql("""
				INSERT INTO dataset_versions (id, dataset_id, version, s3_prefix, object_count, total_bytes,
				  registered_at, registered_by)
				VALUES (:id, :dataset, :version, :prefix, :count, :total, :at, :by)
				""")
			.param("id", id)
			.param("dataset", dataset.id())
			.param("version", version.version())
			.param("prefix", prefix)
			.param("count", version.manifest().size())
			.param("total", total)
			.param("at", Timestamp.from(this.clock.instant()))
			.param("by", caller.username())
			.update();
		for (ManifestEntry entry : version.manifest()) {
			this.jdbc
				.sql("INSERT INTO dataset_version_objects (version_id, object_key, size_bytes, sha256) "
						+ "VALUES (:id, :key, :size, :sha)")
				.param("id", id)
				.param("key", entry.key())
				.param("size", entry.size())
				.param("sha", entry.sha256())
				.update();
		}
		return id;
	}

	private List<ManifestEntry> manifest(UUID versionId) {
		return this.jdbc
			.sql("SELECT object_key, size_bytes, sha256 FROM dataset_version_objects "
					+ "WHERE version_id = :id ORDER BY object_key")
			.param("id", versionId)
			.query((row, n) -> new ManifestEntry(row.getString(1), row.getLong(2), row.getString(3)))
			.list();
	}

	private static String select() {
		return "SELECT v.*, d.name AS dataset_name, d.bucket FROM dataset_versions v "
				+ "JOIN datasets d ON d.id = v.dataset_id";
	}

	private static DatasetVersion version(ResultSet row, List<ManifestEntry> manifest) throws SQLException {
		Instant at = row.getTimestamp("registered_at").toInstant();
		return new DatasetVersion(row.getObject("id", UUID.class),
				new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("dataset_name")),
				row.getString("version"), "s3://" + row.getString("bucket") + "/" + row.getString("s3_prefix"),
				row.getInt("object_count"), row.getLong("total_bytes"), at, row.getString("registered_by"), manifest);
	}

	private static void checkEntry(ManifestEntry entry) {
		String key = entry.key();
		if (key == null || key.isEmpty() || key.startsWith("/") || key.contains("//") || key.endsWith("/")
				|| List.of(key.split("/")).contains("..") || key.chars().anyMatch((c) -> c < 0x20)) {
			throw new InvalidPath(
					"A manifest key is a relative object key such as 'part-0001.parquet', not '" + key + "'");
		}
		if (entry.size() < 0 || entry.sha256() == null || !SHA256.matcher(entry.sha256()).matches()) {
			throw new InvalidDataset("Manifest entry " + key + " needs a size and a lower-case hex SHA-256");
		}
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetNotFound;
import uk.gov.analyticalplatform.dataaccess.GroupRef;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;

/**
 * The {@code datasets} and {@code dataset_admins} tables; a dataset's apply status comes
 * from its row of {@code dataset_status} (the reconcile kernel's standard status table,
 * written by the kernel, made by a trigger with the dataset).
 */
public class DatasetRows {

	private static final String SELECT = """
			SELECT d.id, d.name, d.description, d.owner_group_id, d.classification, d.kind, d.bucket,
			  d.root_prefix, d.glue_database, d.glue_tables, d.created_at, d.created_by, g.name AS owner_name,
			  s.state, s.reason, s.generation, s.observed_generation, s.applied_at
			FROM datasets d JOIN access_groups g ON g.id = d.owner_group_id
			JOIN dataset_status s ON s.dataset_id = d.id
			""";

	private final JdbcClient jdbc;

	public DatasetRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, NewDataset dataset, String rootPrefix, Instant at, String by,
			DatasetCatalogService.Retention retention) {
		this.jdbc.sql("""
				INSERT INTO datasets (id, name, description, owner_group_id, classification, kind, bucket, root_prefix,
				  glue_database, glue_tables, created_at, created_by, retention_days, retention_action)
				VALUES (:id, :name, :description, :owner, :classification, :kind, :bucket, :prefix, :database,
				  string_to_array(:tables, ','), :at, :by, :retentionDays, :retentionAction)
				""")
			.param("retentionDays", (retention != null) ? retention.days() : null, java.sql.Types.INTEGER)
			.param("retentionAction", (retention != null) ? retention.action().name() : null, java.sql.Types.VARCHAR)
			.param("id", id)
			.param("name", dataset.name())
			.param("description", dataset.description())
			.param("owner", dataset.ownerGroupId())
			.param("classification", dataset.classification().name())
			.param("kind", dataset.kind().name())
			.param("bucket", dataset.bucket())
			.param("prefix", rootPrefix)
			.param("database", dataset.glueDatabase())
			.param("tables", String.join(",", dataset.tables()))
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update();
	}

	/** The dataset's retention, if a proposal set one. */
	public Optional<DatasetCatalogService.Retention> retention(UUID id) {
		return this.jdbc
			.sql("SELECT retention_days, retention_action FROM datasets WHERE id = :id AND retention_days IS NOT NULL")
			.param("id", id)
			.query((row, n) -> new DatasetCatalogService.Retention(row.getInt(1),
					RetentionAction.valueOf(row.getString(2))))
			.optional();
	}

	boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT count(*) FROM datasets WHERE name = :name")
			.param("name", name)
			.query(Integer.class)
			.single() > 0;
	}

	boolean locationTaken(String bucket, String rootPrefix) {
		return this.jdbc
			.sql("SELECT count(*) FROM datasets WHERE kind = 'S3' AND bucket = :bucket " + "AND root_prefix = :prefix")
			.param("bucket", bucket)
			.param("prefix", rootPrefix)
			.query(Integer.class)
			.single() > 0;
	}

	public Dataset get(UUID id) {
		return find(id).orElseThrow(() -> DatasetNotFound.forId(id));
	}

	public Optional<Dataset> find(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE d.id = :id").param("id", id).query(this::dataset).optional();
	}

	/** Locks the dataset's row for the rest of the transaction. */
	public Dataset lock(UUID id) {
		this.jdbc.sql("SELECT id FROM datasets WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> DatasetNotFound.forId(id));
		return get(id);
	}

	Optional<UUID> idOf(String name) {
		return this.jdbc.sql("SELECT id FROM datasets WHERE name = :name")
			.param("name", name)
			.query(UUID.class)
			.optional();
	}

	List<Dataset> search(String text) {
		String pattern = "%" + ((text != null) ? text.toLowerCase().replace("%", "\\%").replace("_", "\\_") : "") + "%";
		return this.jdbc
			.sql(SELECT + " WHERE lower(d.name) LIKE :text OR lower(d.description) LIKE :text " + "ORDER BY d.name")
			.param("text", pattern)
			.query(this::dataset)
			.list();
	}

	boolean addAdmin(UUID datasetId, UserRef user, Instant at, String by) {
		return this.jdbc.sql("""
				INSERT INTO dataset_admins (dataset_id, user_id, username, added_at, added_by)
				VALUES (:dataset, :id, :username, :at, :by) ON CONFLICT DO NOTHING
				""")
			.param("dataset", datasetId)
			.param("id", user.userId())
			.param("username", user.username())
			.param("at", Timestamp.from(at))
			.param("by", by)
			.update() > 0;
	}

	Optional<UserRef> removeAdmin(UUID datasetId, String userId) {
		return this.jdbc
			.sql("DELETE FROM dataset_admins WHERE dataset_id = :dataset AND user_id = :id "
					+ "RETURNING user_id, username")
			.param("dataset", datasetId)
			.param("id", userId)
			.query(DatasetRows::user)
			.optional();
	}

	/**
	 * Whether the user holds an active ADMIN grant on the dataset, directly or through a
	 * group.
	 */
	public boolean holdsAdminGrant(UUID datasetId, String userId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM grants g LEFT JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND g.level = 'ADMIN'
				   AND (g.user_id = :user OR m.user_id = :user)
				""").param("dataset", datasetId).param("user", userId).query(Integer.class).single() > 0;
	}

	/**
	 * The datasets the user administers: named data admin or active ADMIN grant holder.
	 */
	public List<UUID> administeredBy(String userId) {
		return this.jdbc.sql("""
				SELECT dataset_id FROM dataset_admins WHERE user_id = :user
				UNION
				SELECT g.dataset_id FROM grants g LEFT JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.revoked_at IS NULL AND g.level = 'ADMIN' AND (g.user_id = :user OR m.user_id = :user)
				""").param("user", userId).query(UUID.class).list();
	}

	/**
	 * Who may manage the dataset's access besides platform admins: its named data admins
	 * and the holders of an active ADMIN grant, directly or through a group; by username.
	 */
	public List<UserRef> managers(UUID datasetId) {
		return this.jdbc.sql("""
				SELECT user_id, username FROM dataset_admins WHERE dataset_id = :dataset
				UNION
				SELECT g.user_id, g.username FROM grants g
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND g.level = 'ADMIN' AND g.user_id IS NOT NULL
				UNION
				SELECT m.user_id, m.username FROM grants g JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND g.level = 'ADMIN'
				ORDER BY username, user_id
				""").param("dataset", datasetId).query(DatasetRows::user).list();
	}

	/** The dataset's named data admins, by username. */
	public List<UserRef> admins(UUID datasetId) {
		return this.jdbc
			.sql("SELECT user_id, username FROM dataset_admins WHERE dataset_id = :dataset " + "ORDER BY username")
			.param("dataset", datasetId)
			.query(DatasetRows::user)
			.list();
	}

	private static UserRef user(ResultSet row, int n) throws SQLException {
		return new UserRef(row.getString("user_id"), row.getString("username"));
	}

	private Dataset dataset(ResultSet row, int n) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		Array tables = row.getArray("glue_tables");
		Timestamp applied = row.getTimestamp("applied_at");
		ApplyStatus status = new ApplyStatus(ApplyState.valueOf(row.getString("state")), row.getString("reason"),
				row.getLong("generation"), row.getLong("observed_generation"),
				(applied != null) ? applied.toInstant() : null);
		return new Dataset(id, row.getString("name"), row.getString("description"),
				new GroupRef(row.getObject("owner_group_id", UUID.class), row.getString("owner_name")),
				Classification.valueOf(row.getString("classification")), DatasetKind.valueOf(row.getString("kind")),
				row.getString("bucket"), row.getString("root_prefix"), row.getString("glue_database"),
				List.copyOf(Arrays.asList((String[]) tables.getArray())), admins(id), status,
				row.getTimestamp("created_at").toInstant(), row.getString("created_by"));
	}

}

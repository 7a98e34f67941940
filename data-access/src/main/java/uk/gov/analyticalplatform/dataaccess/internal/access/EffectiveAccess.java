package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.sql.Array;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DatasetLocation;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.GrantedAccess;
import uk.gov.analyticalplatform.dataaccess.internal.policy.PolicyCompiler;

/**
 * A user's effective access: their active, unexpired grants, direct and through groups,
 * as the database says now (in the caller's transaction, if any), and the role compiled
 * from them.
 */
public class EffectiveAccess {

	private final JdbcClient jdbc;

	private final Clock clock;

	public EffectiveAccess(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	/**
	 * One grant as it applies to the user.
	 *
	 * @param grantId the grant
	 * @param dataset the dataset
	 * @param location where the data is
	 * @param level the grant's level
	 * @param paths its sub-paths or tables
	 * @param via {@code direct} or {@code group:<name>}
	 * @param expiresAt its expiry
	 */
	public record Entry(UUID grantId, DatasetRef dataset, DatasetLocation location, AccessLevel level,
			List<PathAccess> paths, String via, Instant expiresAt) {

		public GrantedAccess granted() {
			return new GrantedAccess(this.location, this.level, this.paths);
		}

	}

	public List<Entry> of(String userId) {
		// two index-friendly halves rather than one OR, which would scan every grant
		List<Entry> entries = this.jdbc
			.sql("""
					SELECT * FROM (
					  SELECT g.id, g.level, g.expires_at, g.granted_at, NULL AS group_name, d.id AS dataset_id, d.name,
					         d.kind, d.bucket, d.root_prefix, d.glue_database, d.glue_tables,
					         ARRAY(SELECT p.path || ' ' || p.level FROM grant_paths p WHERE p.grant_id = g.id ORDER BY p.path)
					           AS paths
					    FROM grants g JOIN datasets d ON d.id = g.dataset_id
					   WHERE g.user_id = :user AND g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > :now)
					  UNION ALL
					  SELECT g.id, g.level, g.expires_at, g.granted_at, ag.name, d.id, d.name, d.kind, d.bucket,
					         d.root_prefix, d.glue_database, d.glue_tables,
					         ARRAY(SELECT p.path || ' ' || p.level FROM grant_paths p WHERE p.grant_id = g.id ORDER BY p.path)
					    FROM access_group_members m JOIN grants g ON g.group_id = m.group_id AND g.revoked_at IS NULL
					    JOIN access_groups ag ON ag.id = g.group_id JOIN datasets d ON d.id = g.dataset_id
					   WHERE m.user_id = :user AND (g.expires_at IS NULL OR g.expires_at > :now)
					) effective ORDER BY name, granted_at, id
					""")
			.param("user", userId)
			.param("now", Timestamp.from(this.clock.instant()))
			.query((row, n) -> {
				Array tables = row.getArray("glue_tables");
				DatasetLocation location = (DatasetKind.valueOf(row.getString("kind")) == DatasetKind.S3)
						? DatasetLocation.s3(row.getString("bucket"), row.getString("root_prefix")) : DatasetLocation
							.athena(row.getString("glue_database"), Arrays.asList((String[]) tables.getArray()));
				String group = row.getString("group_name");
				return new Entry(row.getObject("id", UUID.class),
						new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("name")), location,
						AccessLevel.valueOf(row.getString("level")), paths((String[]) row.getArray("paths").getArray()),
						(group != null) ? "group:" + group : "direct", GrantRows.instant(row, "expires_at"));
			})
			.list();
		return entries;
	}

	/**
	 * Per bucket, the prefixes of registered dataset versions, which nobody may write.
	 */
	public Map<String, List<String>> readOnlyPrefixes(List<Entry> entries) {
		String[] buckets = entries.stream()
			.map((entry) -> entry.location().bucket())
			.filter((bucket) -> bucket != null)
			.distinct()
			.toArray(String[]::new);
		Map<String, List<String>> prefixes = new HashMap<>();
		if (buckets.length == 0) {
			return prefixes;
		}
		this.jdbc
			.sql("SELECT d.bucket, v.s3_prefix FROM dataset_versions v JOIN datasets d ON d.id = v.dataset_id "
					+ "WHERE d.kind = 'S3' AND d.bucket = ANY(:buckets)")
			.param("buckets", buckets)
			.query((row) -> {
				prefixes.computeIfAbsent(row.getString(1), (key) -> new ArrayList<>()).add(row.getString(2));
			});
		return prefixes;
	}

	/** An app's effective access: its own active, unexpired grants. */
	public List<Entry> ofApp(String app) {
		return this.jdbc.sql("""
				SELECT g.id, g.level, g.expires_at, d.id AS dataset_id, d.name, d.kind, d.bucket, d.root_prefix,
				       d.glue_database, d.glue_tables,
				       ARRAY(SELECT p.path || ' ' || p.level FROM grant_paths p WHERE p.grant_id = g.id ORDER BY p.path)
				         AS paths
				  FROM grants g JOIN datasets d ON d.id = g.dataset_id
				 WHERE g.app_name = :app AND g.revoked_at IS NULL AND (g.expires_at IS NULL OR g.expires_at > :now)
				 ORDER BY d.name, g.granted_at, g.id
				""").param("app", app).param("now", Timestamp.from(this.clock.instant())).query((row, n) -> {
			Array tables = row.getArray("glue_tables");
			DatasetLocation location = (DatasetKind.valueOf(row.getString("kind")) == DatasetKind.S3)
					? DatasetLocation.s3(row.getString("bucket"), row.getString("root_prefix")) : DatasetLocation
						.athena(row.getString("glue_database"), Arrays.asList((String[]) tables.getArray()));
			return new Entry(row.getObject("id", UUID.class),
					new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("name")), location,
					AccessLevel.valueOf(row.getString("level")), paths((String[]) row.getArray("paths").getArray()),
					"direct", GrantRows.instant(row, "expires_at"));
		}).list();
	}

	/** The role the app should have now. */
	public DesiredRole desiredForApp(PolicyCompiler compiler, String app) {
		List<Entry> entries = ofApp(app);
		return compiler.compileApp(app, entries.stream().map(Entry::granted).toList(), readOnlyPrefixes(entries));
	}

	/** The role the user should have now. */
	public DesiredRole desired(PolicyCompiler compiler, UserRef user) {
		List<Entry> entries = of(user.userId());
		return compiler.compile(user.username(), entries.stream().map(Entry::granted).toList(),
				readOnlyPrefixes(entries));
	}

	private static List<PathAccess> paths(String[] paths) {
		List<PathAccess> result = new ArrayList<>(paths.length);
		for (String path : paths) {
			int space = path.lastIndexOf(' ');
			result.add(new PathAccess(path.substring(0, space), AccessLevel.valueOf(path.substring(space + 1))));
		}
		return result;
	}

}

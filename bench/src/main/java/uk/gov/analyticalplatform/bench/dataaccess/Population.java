package uk.gov.analyticalplatform.bench.dataaccess;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.internal.policy.DatasetLocation;
import uk.gov.analyticalplatform.dataaccess.internal.policy.GrantedAccess;

/**
 * A deterministic platform of the size: 10,000 users, 2,000 datasets (90% S3 over
 * 300 buckets, 10% Athena), 100,000 grants (98,000 to users, 2,000 to 200 groups of 25),
 * a third of them limited to sub-paths, a fifth read-write, and versions on a fifth of
 * the S3 datasets.
 */
final class Population {

	static final int USERS = 10_000;

	static final int DATASETS = 2_000;

	static final int GRANTS = 100_000;

	static final int GROUPS = 200;

	static final int GROUP_GRANTS = 2_000;

	static final int GROUP_SIZE = 25;

	final List<Dataset> datasets = new ArrayList<>();

	final List<Grant> grants = new ArrayList<>();

	final List<List<Integer>> groupMembers = new ArrayList<>();

	/** Per bucket, the read-only prefixes of dataset versions. */
	final Map<String, List<String>> versions = new TreeMap<>();

	record Dataset(UUID id, String name, DatasetLocation location) {
	}

	/** A grant to a user ({@code group < 0}) or a group. */
	record Grant(UUID id, int dataset, int user, int group, AccessLevel level, List<PathAccess> paths) {
	}

	Population() {
		Random random = new Random(42);
		for (int d = 0; d < DATASETS; d++) {
			DatasetLocation location = (d % 10 == 9)
					? DatasetLocation.athena("db_" + d, (d % 20 == 9) ? List.of() : List.of("t1", "t2", "t3"))
					: DatasetLocation.s3("bucket-" + (d % 300), "dataset-" + d + "/");
			this.datasets.add(new Dataset(UUID.randomUUID(), "dataset-" + d, location));
			if (d % 5 == 0 && location.bucket() != null) {
				this.versions.computeIfAbsent(location.bucket(), (b) -> new ArrayList<>())
					.add(location.rootPrefix() + "versions/v1/");
			}
		}
		for (int g = 0; g < GROUPS; g++) {
			Set<Integer> members = new TreeSet<>();
			while (members.size() < GROUP_SIZE) {
				members.add(random.nextInt(USERS));
			}
			this.groupMembers.add(List.copyOf(members));
		}
		Set<Long> taken = new HashSet<>();
		for (int i = 0; i < GRANTS; i++) {
			boolean toGroup = i < GROUP_GRANTS;
			int holder = toGroup ? USERS + i % GROUPS : i % USERS;
			int dataset = random.nextInt(DATASETS);
			while (!taken.add((long) holder * DATASETS + dataset)) {
				dataset = random.nextInt(DATASETS);
			}
			AccessLevel level = (random.nextInt(5) == 0) ? AccessLevel.READ_WRITE : AccessLevel.READ;
			List<PathAccess> paths = new ArrayList<>();
			if (random.nextInt(3) == 0) {
				boolean athena = this.datasets.get(dataset).location().glueDatabase() != null;
				for (int p = 0, n = 1 + random.nextInt(3); p < n; p++) {
					String path = athena ? "t" + (1 + p) : "area-" + random.nextInt(50) + "/";
					if (paths.stream().noneMatch((existing) -> existing.path().equals(path))) {
						paths.add(new PathAccess(path, level.forPath()));
					}
				}
			}
			this.grants.add(new Grant(UUID.randomUUID(), dataset, toGroup ? -1 : i % USERS, toGroup ? i % GROUPS : -1,
					level, paths));
		}
	}

	static String username(int user) {
		return "user-" + user;
	}

	/**
	 * Each user's effective grants, direct and through groups, as the compiler takes
	 * them.
	 */
	List<List<GrantedAccess>> effective() {
		List<List<GrantedAccess>> byUser = new ArrayList<>();
		for (int u = 0; u < USERS; u++) {
			byUser.add(new ArrayList<>());
		}
		for (Grant grant : this.grants) {
			GrantedAccess granted = new GrantedAccess(this.datasets.get(grant.dataset()).location(), grant.level(),
					grant.paths());
			if (grant.group() < 0) {
				byUser.get(grant.user()).add(granted);
			}
			else {
				this.groupMembers.get(grant.group()).forEach((member) -> byUser.get(member).add(granted));
			}
		}
		return byUser;
	}

	/** Loads everything into the data access tables, in batches. */
	void load(Connection connection) throws SQLException {
		connection.setAutoCommit(false);
		Timestamp now = Timestamp.from(Instant.now());
		UUID[] groups = new UUID[GROUPS];
		try (PreparedStatement group = connection
			.prepareStatement("INSERT INTO access_groups (id, name, created_at, created_by) VALUES (?, ?, ?, 'bench')");
				PreparedStatement member = connection.prepareStatement("INSERT INTO access_group_members "
						+ "(group_id, user_id, username, added_at, added_by) VALUES (?, ?, ?, ?, 'bench') "
						+ "ON CONFLICT DO NOTHING")) {
			for (int g = 0; g < GROUPS; g++) {
				groups[g] = UUID.randomUUID();
				group.setObject(1, groups[g]);
				group.setString(2, "team-" + g);
				group.setTimestamp(3, now);
				group.addBatch();
				for (int m : this.groupMembers.get(g)) {
					member.setObject(1, groups[g]);
					member.setString(2, "u-" + m);
					member.setString(3, username(m));
					member.setTimestamp(4, now);
					member.addBatch();
				}
			}
			group.executeBatch();
			member.executeBatch();
		}
		loadDatasets(connection, groups[0], now);
		loadGrants(connection, groups, now);
		connection.commit();
	}

	private void loadDatasets(Connection connection, UUID owner, Timestamp now) throws SQLException {
		try (PreparedStatement dataset = connection.prepareStatement("""
				INSERT INTO datasets (id, name, owner_group_id, classification, kind, bucket, root_prefix,
				  glue_database, glue_tables, created_at, created_by)
				VALUES (?, ?, ?, 'OFFICIAL', ?, ?, ?, ?, string_to_array(?, ','), ?, 'bench')""");
				PreparedStatement version = connection.prepareStatement("""
						INSERT INTO dataset_versions (id, dataset_id, version, s3_prefix, object_count, total_bytes,
						  registered_at, registered_by) VALUES (?, ?, 'v1', ?, 1, 1, ?, 'bench')""")) {
			for (Dataset d : this.datasets) {
				DatasetLocation location = d.location();
				boolean s3 = location.bucket() != null;
				dataset.setObject(1, d.id());
				dataset.setString(2, d.name());
				dataset.setObject(3, owner);
				dataset.setString(4, s3 ? "S3" : "ATHENA");
				dataset.setString(5, location.bucket());
				dataset.setString(6, location.rootPrefix());
				dataset.setString(7, location.glueDatabase());
				dataset.setString(8, String.join(",", location.tables()));
				dataset.setTimestamp(9, now);
				dataset.addBatch();
				if (s3 && this.versions.getOrDefault(location.bucket(), List.of())
					.contains(location.rootPrefix() + "versions/v1/")) {
					version.setObject(1, UUID.randomUUID());
					version.setObject(2, d.id());
					version.setString(3, location.rootPrefix() + "versions/v1/");
					version.setTimestamp(4, now);
					version.addBatch();
				}
			}
			dataset.executeBatch();
			version.executeBatch();
		}
	}

	private void loadGrants(Connection connection, UUID[] groups, Timestamp now) throws SQLException {
		try (PreparedStatement grant = connection.prepareStatement("""
				INSERT INTO grants (id, dataset_id, principal_type, user_id, username, group_id, level, granted_at,
				  granted_by_id, granted_by_username) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'u-admin', 'admin')
				""");
				PreparedStatement path = connection
					.prepareStatement("INSERT INTO grant_paths (grant_id, path, level) VALUES (?, ?, ?)")) {
			int batched = 0;
			for (Grant g : this.grants) {
				boolean user = g.group() < 0;
				grant.setObject(1, g.id());
				grant.setObject(2, this.datasets.get(g.dataset()).id());
				grant.setString(3, user ? "USER" : "GROUP");
				grant.setString(4, user ? "u-" + g.user() : null);
				grant.setString(5, user ? username(g.user()) : null);
				grant.setObject(6, user ? null : groups[g.group()]);
				grant.setString(7, g.level().name());
				grant.setTimestamp(8, now);
				grant.addBatch();
				for (PathAccess p : g.paths()) {
					path.setObject(1, g.id());
					path.setString(2, p.path());
					path.setString(3, p.level().name());
					path.addBatch();
				}
				if (++batched % 5_000 == 0) {
					grant.executeBatch();
					path.executeBatch();
				}
			}
			grant.executeBatch();
			path.executeBatch();
		}
	}

}

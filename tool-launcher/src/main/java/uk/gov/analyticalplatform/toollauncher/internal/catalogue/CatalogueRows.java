package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;

/** The gateway to the catalogue's tables: profiles, releases and who may use them. */
public class CatalogueRows {

	private static final String RELEASE = "SELECT id, tool, name, display_name, image, port, readiness_path, args, "
			+ "default_profile, status, status_message, retire_at FROM tool_releases";

	private final JdbcClient jdbc;

	public CatalogueRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<ResourceProfile> profiles() {
		return this.jdbc.sql("SELECT * FROM tool_profiles ORDER BY cpu_request_milli, name")
			.query((row, n) -> profile(row))
			.list();
	}

	public Optional<ResourceProfile> profile(String name) {
		return this.jdbc.sql("SELECT * FROM tool_profiles WHERE name = :name")
			.param("name", name)
			.query((row, n) -> profile(row))
			.optional();
	}

	public List<ToolRelease> releases() {
		Map<UUID, Set<String>[]> access = access();
		return this.jdbc.sql(RELEASE + " ORDER BY tool, created_at DESC, name")
			.query((row, n) -> release(row, access))
			.list();
	}

	public Optional<ToolRelease> release(UUID id) {
		return this.jdbc.sql(RELEASE + " WHERE id = :id")
			.param("id", id)
			.query((row, n) -> release(row, access(id)))
			.optional();
	}

	public Optional<ToolRelease> release(Tool tool, String name) {
		return this.jdbc.sql(RELEASE + " WHERE tool = :tool AND name = :name")
			.param("tool", tool.name())
			.param("name", name)
			.query((row, n) -> release(row, access()))
			.optional();
	}

	/** How many users have an instance of each release, and how many want it running. */
	public Map<UUID, int[]> use() {
		Map<UUID, int[]> use = new HashMap<>();
		this.jdbc
			.sql("SELECT release_id, count(*) AS users, count(*) FILTER (WHERE desired = 'RUNNING') AS running "
					+ "FROM tool_instances WHERE desired <> 'DELETED' GROUP BY release_id")
			.query((row) -> {
				use.put(row.getObject("release_id", UUID.class),
						new int[] { row.getInt("users"), row.getInt("running") });
			});
		return use;
	}

	public void insert(ToolRelease release, Instant now) {
		this.jdbc.sql("INSERT INTO tool_releases (id, tool, name, display_name, image, port, readiness_path, args, "
				+ "default_profile, status, created_at, updated_at) VALUES (:id, :tool, :name, :displayName, :image, "
				+ ":port, :readinessPath, :args, :defaultProfile, :status, :now, :now)")
			.param("id", release.id())
			.param("tool", release.tool().name())
			.param("name", release.name())
			.param("displayName", release.displayName())
			.param("image", release.image())
			.param("port", release.port())
			.param("readinessPath", release.readinessPath())
			.param("args", release.args().toArray(String[]::new))
			.param("defaultProfile", release.defaultProfile())
			.param("status", release.status().name())
			.param("now", Timestamp.from(now))
			.update();
	}

	/** Sets a release's status, message, retirement time and who may launch it. */
	public void updateStatus(ToolRelease release, Instant now) {
		this.jdbc
			.sql("UPDATE tool_releases SET status = :status, status_message = :message, retire_at = :retireAt, "
					+ "updated_at = :now WHERE id = :id")
			.param("id", release.id())
			.param("status", release.status().name())
			.param("message", release.statusMessage())
			.param("retireAt", (release.retireAt() != null) ? Timestamp.from(release.retireAt()) : null)
			.param("now", Timestamp.from(now))
			.update();
		this.jdbc.sql("DELETE FROM tool_release_access WHERE release_id = :id").param("id", release.id()).update();
		release.allowedUsers().forEach((name) -> allow(release.id(), "USER", name));
		release.allowedGroups().forEach((name) -> allow(release.id(), "GROUP", name));
	}

	private void allow(UUID release, String kind, String name) {
		this.jdbc.sql("INSERT INTO tool_release_access (release_id, kind, name) VALUES (:id, :kind, :name)")
			.param("id", release)
			.param("kind", kind)
			.param("name", name)
			.update();
	}

	public void insert(ResourceProfile profile, Instant now) {
		profileStatement("INSERT INTO tool_profiles (name, display_name, cpu_request_milli, cpu_limit_milli, "
				+ "memory_request_mib, memory_limit_mib, idle_timeout_s, restricted_group, created_at, updated_at) "
				+ "VALUES (:name, :displayName, :cpuRequest, :cpuLimit, :memoryRequest, :memoryLimit, :idle, "
				+ ":group, :now, :now)", profile, now)
			.update();
	}

	/** Changes a profile; answers whether there was one by that name. */
	public boolean update(ResourceProfile profile, Instant now) {
		return profileStatement("UPDATE tool_profiles SET display_name = :displayName, cpu_request_milli = "
				+ ":cpuRequest, cpu_limit_milli = :cpuLimit, memory_request_mib = :memoryRequest, memory_limit_mib = "
				+ ":memoryLimit, idle_timeout_s = :idle, restricted_group = :group, updated_at = :now "
				+ "WHERE name = :name", profile, now)
			.update() == 1;
	}

	private JdbcClient.StatementSpec profileStatement(String sql, ResourceProfile profile, Instant now) {
		return this.jdbc.sql(sql)
			.param("name", profile.name())
			.param("displayName", profile.displayName())
			.param("cpuRequest", profile.cpuRequestMilli())
			.param("cpuLimit", profile.cpuLimitMilli())
			.param("memoryRequest", profile.memoryRequestMib())
			.param("memoryLimit", profile.memoryLimitMib())
			.param("idle", (int) profile.idleTimeout().toSeconds())
			.param("group", profile.restrictedGroup())
			.param("now", Timestamp.from(now));
	}

	private Map<UUID, Set<String>[]> access() {
		return access(null);
	}

	@SuppressWarnings("unchecked")
	private Map<UUID, Set<String>[]> access(UUID only) {
		Map<UUID, Set<String>[]> access = new HashMap<>();
		this.jdbc
			.sql("SELECT release_id, kind, name FROM tool_release_access"
					+ ((only != null) ? " WHERE release_id = :id" : ""))
			.params((only != null) ? Map.of("id", only) : Map.of())
			.query((row) -> {
				Set<String>[] sets = access.computeIfAbsent(row.getObject("release_id", UUID.class),
						(id) -> new Set[] { new HashSet<>(), new HashSet<>() });
				sets["USER".equals(row.getString("kind")) ? 0 : 1].add(row.getString("name"));
			});
		return access;
	}

	static ResourceProfile profile(ResultSet row) throws SQLException {
		return new ResourceProfile(row.getString("name"), row.getString("display_name"),
				row.getInt("cpu_request_milli"), row.getInt("cpu_limit_milli"), row.getInt("memory_request_mib"),
				row.getInt("memory_limit_mib"), Duration.ofSeconds(row.getInt("idle_timeout_s")),
				row.getString("restricted_group"));
	}

	static ToolRelease release(ResultSet row, Map<UUID, Set<String>[]> access) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		Set<String>[] allowed = access.getOrDefault(id, new Set[] { Set.of(), Set.of() });
		Timestamp retireAt = row.getTimestamp("retire_at");
		return new ToolRelease(id, Tool.valueOf(row.getString("tool")), row.getString("name"),
				row.getString("display_name"), row.getString("image"), row.getInt("port"),
				row.getString("readiness_path"), strings(row.getArray("args")), row.getString("default_profile"),
				ReleaseStatus.valueOf(row.getString("status")), row.getString("status_message"),
				(retireAt != null) ? retireAt.toInstant() : null, allowed[0], allowed[1]);
	}

	static List<String> strings(Array array) throws SQLException {
		if (array == null) {
			return List.of();
		}
		List<String> values = new ArrayList<>();
		for (Object value : (Object[]) array.getArray()) {
			values.add((String) value);
		}
		return values;
	}

}

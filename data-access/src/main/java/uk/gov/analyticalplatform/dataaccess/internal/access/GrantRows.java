package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.GrantNotFound;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** The {@code grants} and {@code grant_paths} tables. */
class GrantRows {

	private static final String SELECT = """
			SELECT g.*, d.name AS dataset_name, ag.name AS group_name FROM grants g
			  JOIN datasets d ON d.id = g.dataset_id LEFT JOIN access_groups ag ON ag.id = g.group_id
			""";

	private final JdbcClient jdbc;

	GrantRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID datasetId, Principal principal, AccessLevel level, List<PathAccess> paths,
			Instant expiresAt, UserRef grantedBy, Instant at, UUID requestId) {
		boolean user = principal.type() == PrincipalType.USER;
		boolean group = principal.type() == PrincipalType.GROUP;
		this.jdbc.sql("""
				INSERT INTO grants (id, dataset_id, principal_type, user_id, username, group_id, app_name, level,
				  expires_at, granted_at, granted_by_id, granted_by_username, request_id)
				VALUES (:id, :dataset, :type, :user, :username, :group, :app, :level, :expires, :at, :by, :byName,
				  :request)
				""")
			.param("id", id)
			.param("dataset", datasetId)
			.param("type", principal.type().name())
			.param("user", user ? principal.id() : null)
			.param("username", user ? principal.name() : null)
			.param("group", group ? principal.groupId() : null)
			.param("app", (principal.type() == PrincipalType.APP) ? principal.id() : null)
			.param("level", level.name())
			.param("expires", (expiresAt != null) ? Timestamp.from(expiresAt) : null)
			.param("at", Timestamp.from(at))
			.param("by", grantedBy.userId())
			.param("byName", grantedBy.username())
			.param("request", requestId)
			.update();
		for (PathAccess path : paths) {
			this.jdbc.sql("INSERT INTO grant_paths (grant_id, path, level) VALUES (:id, :path, :level)")
				.param("id", id)
				.param("path", path.path())
				.param("level", path.level().name())
				.update();
		}
	}

	Grant get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE g.id = :id")
			.param("id", id)
			.query(this::grant)
			.optional()
			.orElseThrow(() -> GrantNotFound.forId(id));
	}

	Optional<Grant> activeFor(UUID datasetId, Principal principal) {
		String column = switch (principal.type()) {
			case USER -> "g.user_id = :principal";
			case GROUP -> "g.group_id = CAST(:principal AS uuid)";
			case APP -> "g.app_name = :principal";
		};
		return this.jdbc.sql(SELECT + " WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL AND " + column)
			.param("dataset", datasetId)
			.param("principal", principal.id())
			.query(this::grant)
			.optional();
	}

	List<Grant> onDataset(UUID datasetId, boolean activeOnly) {
		return this.jdbc
			.sql(SELECT + " WHERE g.dataset_id = :dataset" + (activeOnly ? " AND g.revoked_at IS NULL" : "")
					+ " ORDER BY g.granted_at, g.id")
			.param("dataset", datasetId)
			.query(this::grant)
			.list();
	}

	/** The app's active, unexpired grants, oldest first. */
	List<Grant> activeForApp(String app, Instant now) {
		return this.jdbc
			.sql(SELECT + " WHERE g.app_name = :app AND g.revoked_at IS NULL"
					+ " AND (g.expires_at IS NULL OR g.expires_at > :now) ORDER BY g.granted_at, g.id")
			.param("app", app)
			.param("now", Timestamp.from(now))
			.query(this::grant)
			.list();
	}

	/** Active grants whose expiry has passed, oldest expiry first. */
	List<UUID> expired(Instant now, int limit) {
		return this.jdbc
			.sql("SELECT id FROM grants WHERE revoked_at IS NULL AND expires_at <= :now "
					+ "ORDER BY expires_at LIMIT :limit")
			.param("now", Timestamp.from(now))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** Ends the grant if it is still active; false if it had already ended. */
	boolean revoke(UUID id, Instant at, String by, String reason) {
		return this.jdbc
			.sql("UPDATE grants SET revoked_at = :at, revoked_by = :by, revoke_reason = :reason "
					+ "WHERE id = :id AND revoked_at IS NULL")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.param("by", by)
			.param("reason", reason)
			.update() == 1;
	}

	/** The justification of the request the grant came from, if any. */
	String justification(Grant grant) {
		if (grant.requestId() == null) {
			return null;
		}
		return this.jdbc.sql("SELECT justification FROM access_requests WHERE id = :id")
			.param("id", grant.requestId())
			.query(String.class)
			.optional()
			.orElse(null);
	}

	List<PathAccess> paths(UUID grantId) {
		return this.jdbc.sql("SELECT path, level FROM grant_paths WHERE grant_id = :id ORDER BY path")
			.param("id", grantId)
			.query((row, n) -> new PathAccess(row.getString("path"), AccessLevel.valueOf(row.getString("level"))))
			.list();
	}

	private Grant grant(ResultSet row, int n) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		Principal principal = switch (PrincipalType.valueOf(row.getString("principal_type"))) {
			case USER -> Principal.user(row.getString("user_id"), row.getString("username"));
			case GROUP -> new Principal(PrincipalType.GROUP, row.getString("group_id"), row.getString("group_name"));
			case APP -> Principal.app(row.getString("app_name"));
		};
		return new Grant(id, new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("dataset_name")),
				principal, AccessLevel.valueOf(row.getString("level")), paths(id), instant(row, "expires_at"),
				new UserRef(row.getString("granted_by_id"), row.getString("granted_by_username")),
				instant(row, "granted_at"), row.getObject("request_id", UUID.class), instant(row, "revoked_at"),
				row.getString("revoked_by"), row.getString("revoke_reason"));
	}

	static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestNotFound;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** The {@code access_requests} and {@code access_request_paths} tables. */
class AccessRequestRows {

	private static final String SELECT = """
			SELECT r.*, d.name AS dataset_name FROM access_requests r JOIN datasets d ON d.id = r.dataset_id
			""";

	private final JdbcClient jdbc;

	AccessRequestRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID datasetId, UserRef requester, AccessLevel level, List<PathAccess> paths,
			String justification, Instant wantedUntil, Instant at) {
		insert(id, datasetId, requester, level, paths, justification, wantedUntil, at, null, null);
	}

	/**
	 * @param app the app the request is for, or {@code null} for the requester
	 * @param appOwnerIds the app's owners now (nobody of them may decide it)
	 */
	void insert(UUID id, UUID datasetId, UserRef requester, AccessLevel level, List<PathAccess> paths,
			String justification, Instant wantedUntil, Instant at, String app, Collection<String> appOwnerIds) {
		this.jdbc.sql("""
				INSERT INTO access_requests (id, dataset_id, requester_id, requester_username, level, justification,
				  wanted_until, state, created_at, app_name, app_owner_ids)
				VALUES (:id, :dataset, :user, :username, :level, :justification, :until, 'PENDING', :at, :app, :owners)
				""")
			.param("app", app)
			.param("owners", (appOwnerIds != null) ? appOwnerIds.toArray(String[]::new) : null)
			.param("id", id)
			.param("dataset", datasetId)
			.param("user", requester.userId())
			.param("username", requester.username())
			.param("level", level.name())
			.param("justification", justification)
			.param("until", (wantedUntil != null) ? Timestamp.from(wantedUntil) : null)
			.param("at", Timestamp.from(at))
			.update();
		for (PathAccess path : paths) {
			this.jdbc.sql("INSERT INTO access_request_paths (request_id, path, level) VALUES (:id, :path, :level)")
				.param("id", id)
				.param("path", path.path())
				.param("level", path.level().name())
				.update();
		}
	}

	boolean pendingExists(UUID datasetId, String requesterId) {
		return this.jdbc
			.sql("SELECT count(*) FROM access_requests WHERE dataset_id = :dataset "
					+ "AND requester_id = :user AND state = 'PENDING' AND app_name IS NULL")
			.param("dataset", datasetId)
			.param("user", requesterId)
			.query(Integer.class)
			.single() > 0;
	}

	boolean pendingExistsForApp(UUID datasetId, String app) {
		return this.jdbc
			.sql("SELECT count(*) FROM access_requests WHERE dataset_id = :dataset "
					+ "AND app_name = :app AND state = 'PENDING'")
			.param("dataset", datasetId)
			.param("app", app)
			.query(Integer.class)
			.single() > 0;
	}

	AccessRequest get(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE r.id = :id")
			.param("id", id)
			.query(this::request)
			.optional()
			.orElseThrow(() -> AccessRequestNotFound.forId(id));
	}

	/**
	 * Locks the request's row until the transaction ends, so decisions on it happen one
	 * at a time.
	 */
	AccessRequest lock(UUID id) {
		this.jdbc.sql("SELECT id FROM access_requests WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> AccessRequestNotFound.forId(id));
		return get(id);
	}

	/** Moves a pending request to its final state; false if it was no longer pending. */
	boolean decide(UUID id, AccessRequestState state, UserRef by, Instant at, String reason, UUID grantId) {
		return this.jdbc.sql("""
				UPDATE access_requests SET state = :state, decided_at = :at, decided_by_id = :by,
				  decided_by_username = :byName, decision_reason = :reason, grant_id = :grant
				 WHERE id = :id AND state = 'PENDING'
				""")
			.param("id", id)
			.param("state", state.name())
			.param("at", Timestamp.from(at))
			.param("by", (by != null) ? by.userId() : null)
			.param("byName", (by != null) ? by.username() : null)
			.param("reason", reason)
			.param("grant", grantId)
			.update() == 1;
	}

	List<AccessRequest> byRequester(String userId) {
		return this.jdbc.sql(SELECT + " WHERE r.requester_id = :user ORDER BY r.created_at DESC, r.id")
			.param("user", userId)
			.query(this::request)
			.list();
	}

	/**
	 * Pending requests, on the given datasets or on all ({@code null}), not by the user,
	 * oldest first.
	 */
	List<AccessRequest> pending(Collection<UUID> datasets, String notBy) {
		if (datasets != null && datasets.isEmpty()) {
			return List.of();
		}
		String filter = (datasets != null) ? " AND r.dataset_id = ANY(:datasets)" : "";
		var statement = this.jdbc
			.sql(SELECT + " WHERE r.state = 'PENDING' AND r.requester_id <> :user" + filter
					+ " ORDER BY r.created_at, r.id")
			.param("user", notBy);
		if (datasets != null) {
			statement = statement.param("datasets", datasets.toArray(UUID[]::new));
		}
		return statement.query(this::request).list();
	}

	/**
	 * Pending requests whose wanted end date has passed or that were made before the
	 * cut-off.
	 */
	List<UUID> stale(Instant now, Instant createdBefore, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM access_requests WHERE state = 'PENDING'
				   AND (wanted_until <= :now OR created_at <= :before) ORDER BY created_at LIMIT :limit
				""")
			.param("now", Timestamp.from(now))
			.param("before", Timestamp.from(createdBefore))
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** How many requests are pending that were made before the cut-off. */
	long pendingCreatedBefore(Instant createdBefore) {
		return this.jdbc.sql("SELECT count(*) FROM access_requests WHERE state = 'PENDING' AND created_at < :before")
			.param("before", Timestamp.from(createdBefore))
			.query(Long.class)
			.single();
	}

	private List<PathAccess> paths(UUID requestId) {
		return this.jdbc.sql("SELECT path, level FROM access_request_paths WHERE request_id = :id ORDER BY path")
			.param("id", requestId)
			.query((row, n) -> new PathAccess(row.getString("path"), AccessLevel.valueOf(row.getString("level"))))
			.list();
	}

	private AccessRequest request(ResultSet row, int n) throws SQLException {
		UUID id = row.getObject("id", UUID.class);
		String decidedBy = row.getString("decided_by_id");
		return new AccessRequest(id,
				new DatasetRef(row.getObject("dataset_id", UUID.class), row.getString("dataset_name")),
				new UserRef(row.getString("requester_id"), row.getString("requester_username")),
				AccessLevel.valueOf(row.getString("level")), paths(id), row.getString("justification"),
				GrantRows.instant(row, "wanted_until"), AccessRequestState.valueOf(row.getString("state")),
				GrantRows.instant(row, "created_at"),
				(decidedBy != null) ? new UserRef(decidedBy, row.getString("decided_by_username")) : null,
				GrantRows.instant(row, "decided_at"), row.getString("decision_reason"),
				row.getObject("grant_id", UUID.class), row.getString("app_name"));
	}

}

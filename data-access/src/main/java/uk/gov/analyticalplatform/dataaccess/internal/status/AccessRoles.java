package uk.gov.analyticalplatform.dataaccess.internal.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.ApplyState;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/**
 * The {@code access_roles} table: which users' access changed (their generation moved
 * past what was applied) and what the reconciler last applied. Bumps join the caller's
 * transaction and signal the reconciler once it commits.
 */
public class AccessRoles {

	private static final String COLUMNS = "user_id, username, generation, observed_generation, state, reason, "
			+ "failures, applied_at, role_arn, applied_policies::text AS applied_policies";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReconcileSignal signal;

	public AccessRoles(JdbcClient jdbc, Clock clock, ReconcileSignal signal) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.signal = signal;
	}

	/** Marks the users' access as changed. */
	public void bump(Collection<UserRef> users) {
		Timestamp now = Timestamp.from(this.clock.instant());
		for (UserRef user : users) {
			this.jdbc.sql("""
					INSERT INTO access_roles (user_id, username, generation, state, next_attempt_at, updated_at)
					VALUES (:id, :username, 1, 'PENDING', :now, :now)
					ON CONFLICT (user_id) DO UPDATE SET generation = access_roles.generation + 1,
					  username = EXCLUDED.username, state = 'PENDING', reason = NULL, failures = 0,
					  next_attempt_at = EXCLUDED.next_attempt_at, updated_at = EXCLUDED.updated_at
					""").param("id", user.userId()).param("username", user.username()).param("now", now).update();
		}
		signalAfterCommit();
	}

	/**
	 * Marks as changed every user who holds an active grant on the dataset, directly or
	 * through a group.
	 */
	public void bumpHoldersOf(UUID datasetId) {
		bump(this.jdbc.sql("""
				SELECT user_id, username FROM grants WHERE dataset_id = :dataset AND revoked_at IS NULL
				  AND principal_type = 'USER'
				UNION
				SELECT m.user_id, m.username FROM grants g JOIN access_group_members m ON m.group_id = g.group_id
				 WHERE g.dataset_id = :dataset AND g.revoked_at IS NULL
				""").param("dataset", datasetId).query(AccessRoles::user).list());
	}

	/** Marks every member of the group as changed. */
	public void bumpMembersOf(UUID groupId) {
		bump(this.jdbc.sql("SELECT user_id, username FROM access_group_members WHERE group_id = :group")
			.param("group", groupId)
			.query(AccessRoles::user)
			.list());
	}

	public Optional<RoleStatus> find(String userId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM access_roles WHERE user_id = :id")
			.param("id", userId)
			.query(AccessRoles::status)
			.optional();
	}

	/**
	 * Users whose change has not been applied and whose backoff has passed, oldest first.
	 */
	public List<RoleStatus> due(int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM access_roles WHERE generation > observed_generation "
					+ "AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :limit")
			.param("now", Timestamp.from(this.clock.instant()))
			.param("limit", limit)
			.query(AccessRoles::status)
			.list();
	}

	/** Every user the reconciler knows, for a full resync. */
	public List<RoleStatus> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM access_roles ORDER BY user_id")
			.query(AccessRoles::status)
			.list();
	}

	public void applying(String userId) {
		this.jdbc.sql("UPDATE access_roles SET state = 'APPLYING', updated_at = :now WHERE user_id = :id")
			.param("id", userId)
			.param("now", Timestamp.from(this.clock.instant()))
			.update();
	}

	/**
	 * Records a successful apply of {@code generation} and what AWS reported afterwards.
	 */
	public void ready(String userId, long generation, String roleArn, String appliedPolicies) {
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				UPDATE access_roles SET observed_generation = GREATEST(observed_generation, :generation),
				  state = CASE WHEN generation > :generation THEN 'PENDING' ELSE 'READY' END, reason = NULL,
				  failures = 0, applied_at = :now, updated_at = :now, role_arn = :arn,
				  applied_policies = CAST(:policies AS jsonb)
				 WHERE user_id = :id
				""")
			.param("id", userId)
			.param("generation", generation)
			.param("now", now)
			.param("arn", roleArn)
			.param("policies", appliedPolicies)
			.update();
	}

	/**
	 * Records a failure; the next attempt waits longer each time, up to
	 * {@code maxBackoff}.
	 */
	public void failed(String userId, String reason, Duration baseBackoff, Duration maxBackoff) {
		int failures = this.jdbc.sql("SELECT failures FROM access_roles WHERE user_id = :id")
			.param("id", userId)
			.query(Integer.class)
			.optional()
			.orElse(0);
		Duration backoff = Backoff.delay(failures, baseBackoff, maxBackoff);
		Instant now = this.clock.instant();
		this.jdbc.sql("""
				UPDATE access_roles SET state = 'FAILED', reason = :reason, failures = failures + 1,
				  next_attempt_at = :next, updated_at = :now WHERE user_id = :id
				""")
			.param("id", userId)
			.param("reason", truncate(reason))
			.param("next", Timestamp.from(now.plus(backoff)))
			.param("now", Timestamp.from(now))
			.update();
	}

	private void signalAfterCommit() {
		AfterCommit.run(this.signal::changed);
	}

	private static String truncate(String reason) {
		String text = (reason != null && !reason.isBlank()) ? reason : "unknown failure";
		return (text.length() > 2000) ? text.substring(0, 2000) : text;
	}

	private static UserRef user(ResultSet row, int n) throws SQLException {
		return new UserRef(row.getString("user_id"), row.getString("username"));
	}

	private static RoleStatus status(ResultSet row, int n) throws SQLException {
		Timestamp applied = row.getTimestamp("applied_at");
		return new RoleStatus(user(row, n), row.getLong("generation"), row.getLong("observed_generation"),
				ApplyState.valueOf(row.getString("state")), row.getString("reason"), row.getInt("failures"),
				(applied != null) ? applied.toInstant() : null, row.getString("role_arn"),
				row.getString("applied_policies"));
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.status;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.ReconcileSignal;
import uk.gov.analyticalplatform.reconcile.StatusRows;

/**
 * The status table of users' roles, {@code access_roles}: the kernel's standard status
 * columns (which users' access changed past what was applied, and how applying went) and
 * the table's own, the username and what AWS reported after the last apply. Bumps join
 * the caller's transaction and signal the reconciler once it commits.
 */
public class RoleStatusRows {

	private static final String APP_KEY = "app:";

	private final JdbcClient jdbc;

	private final StatusRows<String> rows;

	public RoleStatusRows(JdbcClient jdbc, Clock clock, ReconcileSignal signal) {
		this.jdbc = jdbc;
		this.rows = new StatusRows<>(jdbc, clock, signal, "access_roles", "user_id", String.class);
	}

	/** The standard status columns of the table, for the reconcile kernel. */
	public StatusRows<String> statuses() {
		return this.rows;
	}

	/** The key of an app's row: {@code app:<name>}. */
	public static String appKey(String app) {
		return APP_KEY + app;
	}

	/** The app's name if the key is an app's, else {@code null}. */
	public static String appOf(String key) {
		return key.startsWith(APP_KEY) ? key.substring(APP_KEY.length()) : null;
	}

	/** Marks the app's access as changed. */
	public void bumpApp(String app) {
		this.rows.bump(appKey(app), Map.of("username", app, "principal_type", "APP"));
	}

	/** Marks the users' access as changed. */
	public void bump(Collection<UserRef> users) {
		for (UserRef user : users) {
			this.rows.bump(user.userId(), Map.of("username", user.username()));
		}
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
				""").param("dataset", datasetId).query(RoleStatusRows::user).list());
		this.jdbc
			.sql("SELECT DISTINCT app_name FROM grants WHERE dataset_id = :dataset AND revoked_at IS NULL "
					+ "AND principal_type = 'APP'")
			.param("dataset", datasetId)
			.query(String.class)
			.list()
			.forEach(this::bumpApp);
	}

	/** Marks every member of the group as changed. */
	public void bumpMembersOf(UUID groupId) {
		bump(this.jdbc.sql("SELECT user_id, username FROM access_group_members WHERE group_id = :group")
			.param("group", groupId)
			.query(RoleStatusRows::user)
			.list());
	}

	public Optional<RoleStatus> find(String userId) {
		return this.jdbc
			.sql("SELECT " + this.rows.columns() + ", username, role_arn, applied_policies::text AS applied_policies "
					+ "FROM access_roles WHERE user_id = :id")
			.param("id", userId)
			.query(this::status)
			.optional();
	}

	/**
	 * Records what AWS reported after applying a user's role; in the transaction that
	 * records the apply's status.
	 * @param roleArn the role's ARN, or {@code null} when the user has no role
	 * @param appliedPolicies what AWS reported, as JSON, or {@code null}
	 */
	public void recordApplied(String userId, String roleArn, String appliedPolicies) {
		this.jdbc.sql("""
				UPDATE access_roles SET role_arn = :arn, applied_policies = CAST(:policies AS jsonb)
				 WHERE user_id = :id
				""").param("id", userId).param("arn", roleArn).param("policies", appliedPolicies).update();
	}

	/**
	 * The usernames of users whose role, as last applied, exists (failed applies keep the
	 * role they had).
	 */
	public List<String> usernamesWithRoles() {
		return this.jdbc.sql("SELECT username FROM access_roles WHERE role_arn IS NOT NULL AND principal_type = 'USER'")
			.query(String.class)
			.list();
	}

	/** The names of apps whose role, as last applied, exists. */
	public List<String> appsWithRoles() {
		return this.jdbc.sql("SELECT username FROM access_roles WHERE role_arn IS NOT NULL AND principal_type = 'APP'")
			.query(String.class)
			.list();
	}

	private static UserRef user(ResultSet row, int n) throws SQLException {
		return new UserRef(row.getString("user_id"), row.getString("username"));
	}

	private RoleStatus status(ResultSet row, int n) throws SQLException {
		return new RoleStatus(user(row, n), this.rows.read(row), row.getString("role_arn"),
				row.getString("applied_policies"));
	}

}

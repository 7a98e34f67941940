package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.reconcile.StatusRows;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance.Wanted;

/**
 * The gateway to {@code tool_instances}: what users asked for (written with a generation
 * bump, so the reconciler picks it up), what the cluster was seen doing, and the start
 * queue.
 */
class InstanceRows {

	static final String TABLE = "tool_instances";

	private static final String OWN = "user_id, username, namespace, host_label, tool, release_id, profile, desired, "
			+ "delete_home, restarts, resets, applied_resets, start_requested_at, admitted_at, phase, step, phase_reason, phase_since, "
			+ "observed_image, last_activity_at, idled_at, created_at, role_arn, pod_role_arn, pod_role_renew, running_role_arn";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final StatusRows<UUID> status;

	InstanceRows(JdbcClient jdbc, Clock clock, StatusRows<UUID> status) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.status = status;
	}

	StatusRows<UUID> status() {
		return this.status;
	}

	/** Inserts a new instance, due at once; the reconciler is woken after the commit. */
	void insert(UUID id, Map<String, ?> columns) {
		this.status.bump(id, columns);
	}

	/**
	 * Writes what the user now wants of an existing instance in the caller's transaction,
	 * and makes it due (the reconciler is woken after the commit).
	 * @param columns values of the table's own columns (lower-case identifiers of this
	 * class's callers, never user input)
	 */
	void want(UUID id, Map<String, ?> columns) {
		StringBuilder sql = new StringBuilder("UPDATE tool_instances SET ");
		columns.keySet().forEach((column) -> {
			if (!column.matches("[a-z_]+")) {
				throw new IllegalArgumentException("Not a column: " + column);
			}
			sql.append(column).append(" = :c_").append(column).append(", ");
		});
		sql.setLength(sql.length() - 2);
		sql.append(" WHERE id = :id");
		JdbcClient.StatementSpec statement = this.jdbc.sql(sql.toString()).param("id", id);
		for (Map.Entry<String, ?> column : columns.entrySet()) {
			statement = statement.param("c_" + column.getKey(), column.getValue());
		}
		statement.update();
		this.status.requeue(id);
	}

	/** Makes each of the user's instances due at once (their world changed). */
	void requeueUser(UUID userId) {
		this.jdbc.sql("SELECT id FROM tool_instances WHERE user_id = :user AND desired <> 'DELETED'")
			.param("user", userId)
			.query(UUID.class)
			.list()
			.forEach(this.status::requeue);
	}

	Optional<InstanceRow> find(UUID id) {
		return this.jdbc.sql(select() + " WHERE id = :id").param("id", id).query((row, n) -> read(row)).optional();
	}

	List<InstanceRow> ofUser(UUID userId) {
		return this.jdbc.sql(select() + " WHERE user_id = :user ORDER BY tool")
			.param("user", userId)
			.query((row, n) -> read(row))
			.list();
	}

	List<InstanceRow> all() {
		return this.jdbc.sql(select() + " ORDER BY username, tool").query((row, n) -> read(row)).list();
	}

	Map<InstancePhase, Long> countByPhase() {
		Map<InstancePhase, Long> counts = new EnumMap<>(InstancePhase.class);
		this.jdbc.sql("SELECT phase, count(*) AS n FROM tool_instances GROUP BY phase")
			.query((row, n) -> counts.put(InstancePhase.valueOf(row.getString("phase")), row.getLong("n")))
			.list();
		return counts;
	}

	Optional<InstanceRow> byHostLabel(String hostLabel) {
		return this.jdbc.sql(select() + " WHERE host_label = :label")
			.param("label", hostLabel)
			.query((row, n) -> read(row))
			.optional();
	}

	/**
	 * Gives the instance a start slot if it is among the longest-waiting starts (wanted
	 * running, {@code PENDING}, without a slot) that the free slots of the limit take (so
	 * starts are admitted in the order they were asked for, whichever worker gets to them
	 * first). Must run in a transaction: its transaction-scoped advisory lock admits one
	 * instance at a time across the leader's workers (and a former leader still finishing
	 * a pass), so the count cannot race.
	 */
	boolean admit(UUID id, int limit) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('tool_instances.admission'))").query((row, n) -> n).list();
		return this.jdbc.sql("UPDATE tool_instances SET admitted_at = :now WHERE id = :id AND admitted_at IS NULL "
				+ "AND desired = 'RUNNING' AND id IN (SELECT id FROM tool_instances WHERE desired = 'RUNNING' "
				+ "AND admitted_at IS NULL AND phase = 'PENDING' ORDER BY start_requested_at, id "
				+ "LIMIT GREATEST(0, :limit - (SELECT count(*) FROM tool_instances WHERE admitted_at IS NOT NULL)))")
			.param("id", id)
			.param("limit", limit)
			.param("now", now())
			.update() > 0;
	}

	/** Frees the instance's start slot; returns whether it held one. */
	boolean releaseSlot(UUID id) {
		return this.jdbc.sql("UPDATE tool_instances SET admitted_at = NULL WHERE id = :id AND admitted_at IS NOT NULL")
			.param("id", id)
			.update() > 0;
	}

	/** The instances waiting for a start slot, longest waiting first. */
	List<UUID> queued(int limit) {
		return this.jdbc.sql("SELECT id FROM tool_instances WHERE desired = 'RUNNING' AND admitted_at IS NULL "
				+ "AND phase IN ('PENDING', 'FAILED') AND step = 'Queued' ORDER BY start_requested_at, id LIMIT :limit")
			.param("limit", limit)
			.query(UUID.class)
			.list();
	}

	/** The instance's place in the start queue (1 = next), or 0 when it is not queued. */
	int queuePosition(InstanceRow row) {
		if (!row.wantsRunning() || row.admittedAt() != null || !"Queued".equals(row.step())) {
			return 0;
		}
		return this.jdbc
			.sql("SELECT count(*) FROM tool_instances WHERE desired = 'RUNNING' AND admitted_at IS NULL "
					+ "AND step = 'Queued' AND (start_requested_at, id) <= (:at, :id)")
			.param("at", Timestamp.from(row.startRequestedAt()))
			.param("id", row.id())
			.query(Integer.class)
			.single();
	}

	/**
	 * Records what the instance was seen doing; the phase's start time moves only when
	 * the phase changes.
	 * @return whether anything changed
	 */
	boolean observe(UUID id, InstancePhase phase, String step, String reason, String image) {
		return observe(id, phase, step, reason, image, null);
	}

	/**
	 * Records what the instance was seen doing, and the IAM role its current pod records
	 * ({@code ""} for none, {@code null} when unknown); the phase's start time moves only
	 * when the phase changes.
	 * @return whether anything changed
	 */
	boolean observe(UUID id, InstancePhase phase, String step, String reason, String image, String runningRole) {
		return this.jdbc
			.sql("UPDATE tool_instances SET phase_since = CASE WHEN phase = :phase THEN phase_since "
					+ "ELSE :now END, phase = :phase, step = :step, phase_reason = :reason, "
					+ "observed_image = COALESCE(:image, observed_image), running_role_arn = CAST(:role AS text) "
					+ "WHERE id = :id AND (phase, COALESCE(step, ''), COALESCE(phase_reason, ''), running_role_arn) "
					+ "IS DISTINCT FROM (:phase, COALESCE(:step, ''), COALESCE(:reason, ''), CAST(:role AS text))")
			.param("id", id)
			.param("phase", phase.name())
			.param("step", step)
			.param("reason", reason)
			.param("image", image)
			.param("role", runningRole)
			.param("now", now())
			.update() > 0;
	}

	/**
	 * Records the owner's role as just applied to their service account and, when the
	 * apply renewed it, the role the pod template now records (clearing the renewal asked
	 * for); writes nothing when neither changed.
	 * @param roleArn the owner's role, or {@code null} for none
	 * @param podRoleArn the role the template records ({@code ""} for none), or
	 * {@code null} when the apply did not renew it
	 */
	void recordRoles(UUID id, String roleArn, String podRoleArn) {
		this.jdbc
			.sql("UPDATE tool_instances SET role_arn = CAST(:role AS text), "
					+ "pod_role_arn = COALESCE(CAST(:pod AS text), pod_role_arn), "
					+ "pod_role_renew = pod_role_renew AND CAST(:pod AS text) IS NULL WHERE id = :id "
					+ "AND (role_arn IS DISTINCT FROM CAST(:role AS text) OR CAST(:pod AS text) IS NOT NULL)")
			.param("id", id)
			.param("role", roleArn)
			.param("pod", podRoleArn)
			.update();
	}

	/** Keeps the latest request time of each instance. */
	void recordActivity(Map<UUID, Instant> lastRequests) {
		lastRequests.forEach((id, at) -> this.jdbc
			.sql("UPDATE tool_instances SET last_activity_at = GREATEST(last_activity_at, :at) WHERE id = :id")
			.param("id", id)
			.param("at", Timestamp.from(at))
			.update());
	}

	/** READY instances nobody has used for longer than their profile's idle timeout. */
	List<UUID> idle() {
		return this.jdbc.sql("SELECT i.id FROM tool_instances i JOIN tool_profiles p ON p.name = i.profile "
				+ "WHERE i.desired = 'RUNNING' AND i.phase = 'READY' AND GREATEST(i.last_activity_at, i.phase_since) "
				+ "+ make_interval(secs => p.idle_timeout_s) < :now")
			.param("now", now())
			.query(UUID.class)
			.list();
	}

	/** Instances wanted running on a release retired with a time that has passed. */
	List<UUID> onRetiredReleases() {
		return this.jdbc
			.sql("SELECT i.id FROM tool_instances i JOIN tool_releases r ON r.id = i.release_id "
					+ "WHERE i.desired = 'RUNNING' AND r.status = 'RETIRED' AND r.retire_at <= :now")
			.param("now", now())
			.query(UUID.class)
			.list();
	}

	/** Starts that have not reached READY within the timeout. */
	List<UUID> startsOlderThan(Duration timeout) {
		return this.jdbc
			.sql("SELECT id FROM tool_instances WHERE desired = 'RUNNING' AND admitted_at IS NOT NULL "
					+ "AND phase IN ('CREATING', 'STARTING') AND admitted_at < :before")
			.param("before", Timestamp.from(this.clock.instant().minus(timeout)))
			.query(UUID.class)
			.list();
	}

	/** Whether the user has instances besides this one. */
	boolean othersOfUser(UUID userId, UUID except) {
		return this.jdbc.sql("SELECT count(*) FROM tool_instances WHERE user_id = :user AND id <> :id")
			.param("user", userId)
			.param("id", except)
			.query(Integer.class)
			.single() > 0;
	}

	void resetApplied(UUID id, int resets) {
		this.jdbc.sql("UPDATE tool_instances SET applied_resets = GREATEST(applied_resets, :resets) WHERE id = :id")
			.param("id", id)
			.param("resets", resets)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("DELETE FROM tool_instances WHERE id = :id").param("id", id).update();
	}

	Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private String select() {
		return "SELECT " + this.status.columns() + ", " + OWN + " FROM " + TABLE;
	}

	private InstanceRow read(ResultSet row) throws SQLException {
		return new InstanceRow(row.getObject("id", UUID.class), row.getObject("user_id", UUID.class),
				row.getString("username"), row.getString("namespace"), row.getString("host_label"),
				Tool.valueOf(row.getString("tool")), row.getObject("release_id", UUID.class), row.getString("profile"),
				Wanted.valueOf(row.getString("desired")), row.getBoolean("delete_home"), row.getInt("restarts"),
				row.getInt("resets"), row.getInt("applied_resets"), instant(row, "start_requested_at"),
				instant(row, "admitted_at"), InstancePhase.valueOf(row.getString("phase")), row.getString("step"),
				row.getString("phase_reason"), instant(row, "phase_since"), row.getString("observed_image"),
				instant(row, "last_activity_at"), instant(row, "idled_at"), instant(row, "created_at"),
				row.getString("role_arn"), row.getString("pod_role_arn"), row.getBoolean("pod_role_renew"),
				row.getString("running_role_arn"), this.status.read(row));
	}

	private static Instant instant(ResultSet row, String column) throws SQLException {
		Timestamp value = row.getTimestamp(column);
		return (value != null) ? value.toInstant() : null;
	}

}

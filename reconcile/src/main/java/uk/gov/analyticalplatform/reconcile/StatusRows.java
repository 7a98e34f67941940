package uk.gov.analyticalplatform.reconcile;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The gateway to one status table: a table keyed by one column that carries the standard
 * apply-status columns besides any of its own.
 *
 * <pre>
 * generation          bigint      NOT NULL DEFAULT 1 CHECK (generation &gt; 0),
 * observed_generation bigint      NOT NULL DEFAULT 0 CHECK (observed_generation &gt;= 0),
 * state               text        NOT NULL DEFAULT 'PENDING'
 *                                 CHECK (state IN ('PENDING', 'APPLYING', 'READY', 'FAILED')),
 * reason              text,
 * failures            integer     NOT NULL DEFAULT 0 CHECK (failures &gt;= 0),
 * next_attempt_at     timestamptz NOT NULL,
 * updated_at          timestamptz NOT NULL,
 * applied_at          timestamptz,
 * CHECK (state &lt;&gt; 'FAILED' OR reason IS NOT NULL)
 * </pre>
 *
 * A change to desired state {@linkplain #bump bumps} the generation in the writer's
 * transaction and signals the reconciler once it commits; the reconciler finds
 * {@linkplain #due due} rows, marks them {@linkplain #applying applying}, and records
 * {@linkplain #ready ready} or {@linkplain #failed failed} for the generation it read. A
 * bump that lands while a generation is being applied is never lost: the row stays due.
 *
 * @param <K> the key type, as the JDBC driver returns the key column (String, UUID, Long)
 */
public class StatusRows<K> {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*");

	private static final String STANDARD = "generation, observed_generation, state, reason, failures, "
			+ "next_attempt_at, applied_at";

	private final JdbcClient jdbc;

	private final Clock clock;

	private final ReconcileSignal signal;

	private final String table;

	private final String key;

	private final Class<K> keyType;

	/**
	 * @param jdbc the database
	 * @param clock the time rows become due and are applied
	 * @param signal what to wake once a bump commits
	 * @param table the status table
	 * @param keyColumn its primary key column
	 * @param keyType the key's Java type
	 */
	public StatusRows(JdbcClient jdbc, Clock clock, ReconcileSignal signal, String table, String keyColumn,
			Class<K> keyType) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.signal = signal;
		this.table = identifier(table);
		this.key = identifier(keyColumn);
		this.keyType = keyType;
	}

	/**
	 * Marks the key's desired state as changed in the caller's transaction: inserts its
	 * row at generation 1 or increases its generation, sets the given columns of the
	 * table's own, makes the row due at once (clearing any failure and backoff), and
	 * signals the reconciler once the transaction commits.
	 * @param columns values of the table's own columns (names are lower-case identifiers)
	 */
	public void bump(K key, Map<String, ?> columns) {
		Map<String, Object> values = new LinkedHashMap<>();
		columns.forEach((column, value) -> values.put(identifier(column), value));
		String own = values.keySet().stream().map((column) -> ", " + column).collect(Collectors.joining());
		String ownValues = values.keySet().stream().map((column) -> ", :c_" + column).collect(Collectors.joining());
		String ownUpdates = values.keySet()
			.stream()
			.map((column) -> column + " = EXCLUDED." + column + ", ")
			.collect(Collectors.joining());
		JdbcClient.StatementSpec statement = this.jdbc
			.sql("INSERT INTO " + this.table + " (" + this.key + own
					+ ", generation, state, next_attempt_at, updated_at) VALUES (:key" + ownValues
					+ ", 1, 'PENDING', :now, :now) ON CONFLICT (" + this.key + ") DO UPDATE SET " + ownUpdates
					+ "generation = " + this.table + ".generation + 1, state = 'PENDING', reason = NULL, failures = 0, "
					+ "next_attempt_at = EXCLUDED.next_attempt_at, updated_at = EXCLUDED.updated_at")
			.param("key", key)
			.param("now", now());
		values.forEach((column, value) -> statement.param("c_" + column, value));
		statement.update();
		AfterCommit.run(this.signal::changed);
	}

	/**
	 * Makes an existing row due at once, as a bump does, without inserting one: for a
	 * change in the world rather than in desired state (a watch saw someone delete an
	 * object), so the reconciler looks again soon instead of at the next resync. Signals
	 * the reconciler once the caller's transaction (if any) commits.
	 * @return whether the key has a row
	 */
	public boolean requeue(K key) {
		boolean found = this.jdbc
			.sql("UPDATE " + this.table + " SET generation = generation + 1, state = 'PENDING', "
					+ "reason = NULL, failures = 0, next_attempt_at = :now, updated_at = :now WHERE " + this.key
					+ " = :key")
			.param("key", key)
			.param("now", now())
			.update() > 0;
		if (found) {
			AfterCommit.run(this.signal::changed);
		}
		return found;
	}

	public Optional<StatusRow<K>> find(K key) {
		return this.jdbc.sql("SELECT " + columns() + " FROM " + this.table + " WHERE " + this.key + " = :key")
			.param("key", key)
			.query((row, n) -> read(row))
			.optional();
	}

	/**
	 * Keys whose generation moved past what was applied and whose backoff has passed, due
	 * longest ago first.
	 */
	public List<K> due(int limit) {
		return this.jdbc
			.sql("SELECT " + this.key + " FROM " + this.table + " WHERE generation > observed_generation "
					+ "AND next_attempt_at <= :now ORDER BY next_attempt_at, " + this.key + " LIMIT :limit")
			.param("now", now())
			.param("limit", limit)
			.query((row, n) -> row.getObject(1, this.keyType))
			.list();
	}

	/** How many keys {@link #due} would return without a limit. */
	public long dueCount() {
		return this.jdbc
			.sql("SELECT count(*) FROM " + this.table
					+ " WHERE generation > observed_generation AND next_attempt_at <= :now")
			.param("now", now())
			.query(Long.class)
			.single();
	}

	/** How many rows are in each state; every state is present, zero where none is. */
	public Map<ApplyState, Long> countByState() {
		Map<ApplyState, Long> counts = new EnumMap<>(ApplyState.class);
		for (ApplyState state : ApplyState.values()) {
			counts.put(state, 0L);
		}
		this.jdbc.sql("SELECT state, count(*) FROM " + this.table + " GROUP BY state")
			.query((row, n) -> counts.put(ApplyState.valueOf(row.getString(1)), row.getLong(2)))
			.list();
		return counts;
	}

	/** Every key of the table, in key order. */
	public List<K> all() {
		return this.jdbc.sql("SELECT " + this.key + " FROM " + this.table + " ORDER BY " + this.key)
			.query((row, n) -> row.getObject(1, this.keyType))
			.list();
	}

	/** Records that the key's desired state is being applied now. */
	public void applying(K key) {
		this.jdbc
			.sql("UPDATE " + this.table + " SET state = 'APPLYING', updated_at = :now WHERE " + this.key + " = :key")
			.param("key", key)
			.param("now", now())
			.update();
	}

	/**
	 * Records that the world matches {@code generation}: the row is {@code READY}, or
	 * {@code PENDING} again (and due) if it was bumped past that generation meanwhile.
	 * @return whether the row is {@code READY} now
	 */
	public boolean ready(K key, long generation) {
		Timestamp now = now();
		return this.jdbc
			.sql("UPDATE " + this.table + " SET observed_generation = GREATEST(observed_generation, "
					+ ":generation), state = CASE WHEN generation > :generation THEN 'PENDING' ELSE 'READY' END, "
					+ "reason = NULL, failures = 0, applied_at = :now, updated_at = :now WHERE " + this.key + " = :key "
					+ "RETURNING state")
			.param("key", key)
			.param("generation", generation)
			.param("now", now)
			.query(String.class)
			.optional()
			.filter("READY"::equals)
			.isPresent();
	}

	/**
	 * Records that applying {@code generation} failed: the row is {@code FAILED} with the
	 * reason and due again after the backoff its consecutive failures call for. If it was
	 * bumped past that generation meanwhile, the new generation is left due at once, with
	 * the reason kept for information.
	 */
	public void failed(K key, long generation, String reason, Backoff backoff) {
		int failures = this.jdbc.sql("SELECT failures FROM " + this.table + " WHERE " + this.key + " = :key")
			.param("key", key)
			.query(Integer.class)
			.optional()
			.orElse(0);
		Instant now = this.clock.instant();
		this.jdbc
			.sql("UPDATE " + this.table + " SET reason = :reason, updated_at = :now, "
					+ "state = CASE WHEN generation > :generation THEN 'PENDING' ELSE 'FAILED' END, "
					+ "failures = CASE WHEN generation > :generation THEN failures ELSE failures + 1 END, "
					+ "next_attempt_at = CASE WHEN generation > :generation THEN next_attempt_at ELSE :next END "
					+ "WHERE " + this.key + " = :key")
			.param("key", key)
			.param("generation", generation)
			.param("reason", Reasons.cut(reason))
			.param("next", Timestamp.from(now.plus(backoff.delay(failures))))
			.param("now", Timestamp.from(now))
			.update();
	}

	/**
	 * The key column and the standard columns, for a {@code SELECT} of the table's own
	 * that reads them with {@link #read}.
	 */
	public String columns() {
		return this.key + ", " + STANDARD;
	}

	/** Reads the key and the standard columns of a row selected with {@link #columns}. */
	public StatusRow<K> read(ResultSet row) throws SQLException {
		return new StatusRow<>(row.getObject(this.key, this.keyType), row.getLong("generation"),
				row.getLong("observed_generation"), ApplyState.valueOf(row.getString("state")), row.getString("reason"),
				row.getInt("failures"), row.getTimestamp("next_attempt_at").toInstant(),
				instant(row.getTimestamp("applied_at")));
	}

	private Timestamp now() {
		return Timestamp.from(this.clock.instant());
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String identifier(String name) {
		if (!IDENTIFIER.matcher(name).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + name);
		}
		return name;
	}

}

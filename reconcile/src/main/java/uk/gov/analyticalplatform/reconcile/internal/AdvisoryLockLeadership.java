package uk.gov.analyticalplatform.reconcile.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import uk.gov.analyticalplatform.reconcile.Leadership;

/**
 * Leadership of every reconciler among the replicas of the control plane: the leader is
 * whoever holds a PostgreSQL session advisory lock, on a connection of its own outside
 * the pool. The lock lives exactly as long as that database session, so a replica that
 * dies, or loses its connection, loses leadership, and the server frees the lock for
 * another. Each replica checks every {@code checkInterval}: a leader that its session
 * still holds the lock, a follower whether it can take it.
 */
class AdvisoryLockLeadership implements Leadership, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AdvisoryLockLeadership.class);

	private static final String HOLDS = "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted"
			+ " AND pid = pg_backend_pid() AND objsubid = 1 AND ((classid::bigint << 32) | objid::bigint) = ?";

	private final Connections connections;

	private final long lockKey;

	private final Duration checkInterval;

	private final Object lock = new Object();

	private ScheduledExecutorService checks;

	private Connection connection;

	private volatile boolean leader;

	private volatile long term;

	/** How many times this replica became leader. */
	private long terms;

	AdvisoryLockLeadership(Connections connections, long lockKey, Duration checkInterval) {
		this.connections = connections;
		this.lockKey = lockKey;
		this.checkInterval = checkInterval;
	}

	@Override
	public boolean isLeader() {
		return this.leader;
	}

	@Override
	public long term() {
		return this.term;
	}

	/**
	 * Takes the lock if it is free, or confirms it is still held; on any database error,
	 * gives up leadership and the connection, to start afresh at the next check.
	 */
	void check() {
		synchronized (this.lock) {
			try {
				if (this.connection == null || this.connection.isClosed()) {
					this.connection = this.connections.open();
				}
				boolean held = this.leader ? holds() : tryLock();
				changeTo(held);
			}
			catch (SQLException ex) {
				log.warn("Reconciler leadership check failed; not leading until the database answers again: {}",
						ex.getMessage());
				changeTo(false);
				closeConnection();
			}
		}
	}

	private boolean tryLock() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, this.lockKey);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private boolean holds() throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(HOLDS)) {
			statement.setLong(1, this.lockKey);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getInt(1) > 0;
			}
		}
	}

	private void changeTo(boolean held) {
		if (held != this.leader) {
			log.info(
					(held) ? "This replica now leads the reconcilers" : "This replica no longer leads the reconcilers");
		}
		if (held && !this.leader) {
			this.terms++;
		}
		this.term = held ? this.terms : 0;
		this.leader = held;
	}

	@Override
	public void start() {
		synchronized (this.lock) {
			if (this.checks != null) {
				return;
			}
			this.checks = Executors.newSingleThreadScheduledExecutor((task) -> {
				Thread thread = new Thread(task, "reconciler-leadership");
				thread.setDaemon(true);
				return thread;
			});
		}
		check();
		long millis = this.checkInterval.toMillis();
		this.checks.scheduleWithFixedDelay(this::check, millis, millis, TimeUnit.MILLISECONDS);
	}

	/** Stops checking and releases the lock, so that another replica can lead at once. */
	@Override
	public void stop() {
		ScheduledExecutorService stopping;
		synchronized (this.lock) {
			stopping = this.checks;
			this.checks = null;
		}
		if (stopping != null) {
			stopping.shutdownNow();
			awaitTermination(stopping);
		}
		synchronized (this.lock) {
			changeTo(false);
			releaseLock();
			closeConnection();
		}
	}

	private static void awaitTermination(ScheduledExecutorService stopping) {
		try {
			stopping.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void releaseLock() {
		if (this.connection == null) {
			return;
		}
		try (PreparedStatement statement = this.connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, this.lockKey);
			statement.execute();
		}
		catch (SQLException ex) {
			log.debug("Could not release the reconciler lock; closing the session frees it", ex);
		}
	}

	private void closeConnection() {
		if (this.connection == null) {
			return;
		}
		try {
			this.connection.close();
		}
		catch (SQLException ex) {
			log.debug("Could not close the reconciler leadership connection", ex);
		}
		this.connection = null;
	}

	@Override
	public boolean isRunning() {
		synchronized (this.lock) {
			return this.checks != null;
		}
	}

	/**
	 * Starts before the reconcile loops and stops after them, so that a loop never runs
	 * without an answer and leadership is released only once every loop has finished.
	 */
	@Override
	public int getPhase() {
		return 0;
	}

	/** Opens a new database session, outside any pool. */
	@FunctionalInterface
	interface Connections {

		Connection open() throws SQLException;

	}

}

package uk.gov.analyticalplatform.reconcile.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import uk.gov.analyticalplatform.reconcile.ChangeFeed;
import uk.gov.analyticalplatform.reconcile.Reasons;

/**
 * The {@link ChangeFeed} of one replica: one thread that holds a PostgreSQL session of
 * its own (outside the pool, as the leadership's), {@code LISTEN}s on every subscribed
 * channel and waits for notifications on it. A lost session is opened again after
 * {@link #RETRY}; every subscriber is told it may have missed payloads. A quiet session
 * is checked with a query every {@link #CHECK}, so that one cut without a word (a
 * half-open connection) is found.
 */
class PostgresChangeFeed implements ChangeFeed, SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(PostgresChangeFeed.class);

	static final Duration RETRY = Duration.ofSeconds(1);

	static final Duration CHECK = Duration.ofSeconds(30);

	/**
	 * How long one wait for notifications blocks: new channels are listened to after it.
	 */
	private static final int WAIT_MILLIS = 500;

	private static final Pattern CHANNEL = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final AdvisoryLockLeadership.Connections connections;

	private final Map<String, List<Subscriber>> subscribers = new ConcurrentHashMap<>();

	private volatile Thread thread;

	/** Released when the feed stops: ends a pause before the next session at once. */
	private volatile CountDownLatch stopping = new CountDownLatch(1);

	PostgresChangeFeed(AdvisoryLockLeadership.Connections connections) {
		this.connections = connections;
	}

	@Override
	public Subscription subscribe(String channel, Subscriber subscriber) {
		if (!CHANNEL.matcher(channel).matches()) {
			throw new IllegalArgumentException("Not a plain SQL identifier: " + channel);
		}
		List<Subscriber> ofChannel = this.subscribers.computeIfAbsent(channel, (name) -> new CopyOnWriteArrayList<>());
		ofChannel.add(subscriber);
		return () -> ofChannel.remove(subscriber);
	}

	@Override
	public void start() {
		this.stopping = new CountDownLatch(1);
		Thread listening = new Thread(this::run, "change-feed");
		listening.setDaemon(true);
		this.thread = listening;
		listening.start();
	}

	@Override
	public void stop() {
		Thread listening = this.thread;
		this.thread = null;
		this.stopping.countDown();
		if (listening != null) {
			listening.interrupt();
			try {
				listening.join(Duration.ofSeconds(10).toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	@Override
	public boolean isRunning() {
		return this.thread != null;
	}

	private boolean running() {
		return this.thread == Thread.currentThread() && !Thread.currentThread().isInterrupted();
	}

	private void run() {
		while (running()) {
			try (Connection connection = this.connections.open()) {
				listen(connection);
			}
			catch (SQLException | RuntimeException ex) {
				if (running()) {
					log.warn("The change feed lost its database session; listening again in {}: {}", RETRY,
							Reasons.of(ex));
				}
			}
			pause();
		}
	}

	/** Listens on one session until it fails or the feed stops. */
	private void listen(Connection connection) throws SQLException {
		connection.setAutoCommit(true);
		PGConnection session = connection.unwrap(PGConnection.class);
		Set<String> listened = new HashSet<>();
		long checked = System.nanoTime();
		while (running()) {
			for (String channel : List.copyOf(this.subscribers.keySet())) {
				if (listened.add(channel)) {
					execute(connection, "LISTEN " + channel);
					this.subscribers.get(channel).forEach((subscriber) -> deliver(channel, subscriber, null));
				}
			}
			PGNotification[] received = session.getNotifications(WAIT_MILLIS);
			if (received != null && received.length > 0) {
				dispatch(received);
				checked = System.nanoTime();
			}
			else if (System.nanoTime() - checked > CHECK.toNanos()) {
				execute(connection, "SELECT 1");
				checked = System.nanoTime();
			}
		}
	}

	private void dispatch(PGNotification[] received) {
		Map<String, List<String>> byChannel = new LinkedHashMap<>();
		for (PGNotification notification : received) {
			byChannel.computeIfAbsent(notification.getName(), (name) -> new ArrayList<>())
				.add(notification.getParameter());
		}
		byChannel.forEach((channel, payloads) -> this.subscribers.getOrDefault(channel, List.of())
			.forEach((subscriber) -> deliver(channel, subscriber, payloads)));
	}

	/** Hands payloads (or, without them, the news that some were missed) on. */
	private static void deliver(String channel, Subscriber subscriber, List<String> payloads) {
		try {
			if (payloads == null) {
				subscriber.missed();
			}
			else {
				subscriber.changed(List.copyOf(payloads));
			}
		}
		catch (RuntimeException ex) {
			log.warn("A subscriber to change feed channel {} failed: {}", channel, Reasons.of(ex));
		}
	}

	private static void execute(Connection connection, String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

	/** Waits {@link #RETRY} before the next session, or less if the feed stops. */
	private void pause() {
		try {
			this.stopping.await(RETRY.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Starts before the loops and the web server, and stops after them. */
	@Override
	public int getPhase() {
		return 0;
	}

}

package uk.gov.analyticalplatform.reconcile.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.reconcile.ChangeFeed;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The change feed on the real PostgreSQL: a payload notified in another session's
 * transaction reaches the subscribers once that transaction commits, never if it rolls
 * back; and a feed whose session is cut opens another, tells its subscribers they may
 * have missed payloads, and delivers again.
 */
class PostgresChangeFeedIT {

	private String database;

	private PostgresChangeFeed feed;

	private final Recording recording = new Recording();

	@BeforeEach
	void listen() {
		this.database = TestDatabases.create("change_feed");
		this.feed = new PostgresChangeFeed(() -> {
			Properties properties = new Properties();
			properties.setProperty("user", TestDatabases.APP_ROLE);
			properties.setProperty("password", TestDatabases.APP_ROLE);
			properties.setProperty("ApplicationName", "feed-under-test");
			return DriverManager.getConnection(PlatformServices.get().jdbcUrl(this.database), properties);
		});
		this.feed.subscribe("things", this.recording);
		this.feed.start();
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recording.missed.get() == 1);
	}

	@AfterEach
	void stop() {
		this.feed.stop();
	}

	@Test
	void aPayloadReachesTheSubscribersWhenTheTransactionThatNotifiedItCommitsAndNeverIfItRollsBack()
			throws SQLException {
		try (Connection writer = TestDatabases.application(this.database)) {
			writer.setAutoCommit(false);
			notify(writer, "things", "rolled-back");
			writer.rollback();
			notify(writer, "elsewhere", "another channel");
			notify(writer, "things", "first");
			notify(writer, "things", "first");
			notify(writer, "things", "second");
			assertThat(this.recording.payloads).as("before the commit").isEmpty();
			writer.commit();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> this.recording.payloads.size() >= 2);
		assertThat(this.recording.payloads).containsExactly("first", "second");
	}

	@Test
	void aFeedWhoseSessionIsCutListensAgainAndSaysPayloadsMayHaveBeenMissed() throws SQLException {
		try (Connection superuser = TestDatabases.superuser(this.database);
				PreparedStatement terminate = superuser.prepareStatement(
						"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
			terminate.setString(1, "feed-under-test");
			terminate.execute();
		}

		await().atMost(Duration.ofSeconds(10)).until(() -> this.recording.missed.get() == 2);
		try (Connection writer = TestDatabases.application(this.database)) {
			notify(writer, "things", "after");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recording.payloads.contains("after"));
	}

	@Test
	void aSubscriptionClosedReceivesNothingMore() throws SQLException {
		Recording other = new Recording();
		ChangeFeed.Subscription subscription = this.feed.subscribe("things", other);
		subscription.close();
		try (Connection writer = TestDatabases.application(this.database)) {
			notify(writer, "things", "after close");
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> this.recording.payloads.contains("after close"));
		assertThat(other.payloads).isEmpty();
	}

	private static void notify(Connection connection, String channel, String payload) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_notify(?, ?)")) {
			statement.setString(1, channel);
			statement.setString(2, payload);
			statement.execute();
		}
	}

	private static final class Recording implements ChangeFeed.Subscriber {

		final List<String> payloads = new CopyOnWriteArrayList<>();

		final AtomicInteger missed = new AtomicInteger();

		@Override
		public void changed(List<String> received) {
			this.payloads.addAll(received);
		}

		@Override
		public void missed() {
			this.missed.incrementAndGet();
		}

	}

}

package uk.gov.analyticalplatform.reconcile.internal;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.Reconciler;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Replicas on one database: exactly one leads, and so reconciles, and another takes over
 * when it goes.
 */
class AdvisoryLockLeadershipIT {

	private static final long KEY = 4242_0001L;

	private final List<AdvisoryLockLeadership> started = new ArrayList<>();

	private final List<ReconcileLoop<?>> loops = new ArrayList<>();

	private String database;

	@BeforeEach
	void database() {
		this.database = TestDatabases.create("leadership");
	}

	@AfterEach
	void stopAll() {
		this.loops.forEach(ReconcileLoop::stop);
		this.started.forEach(AdvisoryLockLeadership::stop);
	}

	@Test
	void theFirstReplicaLeadsAndTheOtherTakesOverWhenItStops() {
		AdvisoryLockLeadership first = replica("first");
		AdvisoryLockLeadership second = replica("second");
		assertThat(first.isLeader()).isTrue();
		assertThat(second.isLeader()).isFalse();
		second.check();
		assertThat(second.isLeader()).isFalse();

		first.stop();
		assertThat(first.isLeader()).isFalse();
		await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
		assertThat(first.isLeader()).isFalse();
	}

	@Test
	void aLeaderWhoseDatabaseSessionIsLostStopsLeadingAndAnotherTakesOver() throws SQLException {
		AdvisoryLockLeadership first = replica("lost");
		AdvisoryLockLeadership second = replica("waiting");
		assertThat(first.isLeader()).isTrue();

		terminateSessionsOf("lost");
		await().atMost(Duration.ofSeconds(10)).until(() -> !first.isLeader());
		await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
		first.check();
		assertThat(first.isLeader()).isFalse();
	}

	@Test
	void aReplicaThatLeadsAgainAfterAnotherLedIsInANewTerm() throws SQLException {
		AdvisoryLockLeadership first = replica("term-first");
		AdvisoryLockLeadership second = replica("term-second");
		long firstTerm = first.term();
		assertThat(firstTerm).as("a leader's term").isPositive();
		assertThat(second.term()).as("a follower's term").isZero();
		first.check();
		assertThat(first.term()).as("still leading: the same term").isEqualTo(firstTerm);

		terminateSessionsOf("term-first");
		await().atMost(Duration.ofSeconds(10)).until(second::isLeader);
		assertThat(first.term()).as("the lost leader's term").isZero();
		second.stop();
		await().atMost(Duration.ofSeconds(10)).until(first::isLeader);
		assertThat(first.term()).as("leading again after another led").isPositive().isNotEqualTo(firstTerm);
	}

	@Test
	void installationsWithDifferentKeysLeadIndependently() {
		AdvisoryLockLeadership one = replica("one");
		AdvisoryLockLeadership other = start(
				new AdvisoryLockLeadership(connections("other"), KEY + 1, Duration.ofMillis(100)));
		assertThat(one.isLeader()).isTrue();
		assertThat(other.isLeader()).isTrue();
	}

	@Test
	void onlyTheLeadersLoopReconcilesAndAnotherTakesOverWhenTheLeaderIsLost() throws SQLException {
		Counting leading = new Counting();
		Counting waiting = new Counting();
		AdvisoryLockLeadership leader = replica("loop-leader");
		loop(leading, leader);
		loop(waiting, replica("loop-waiting"));
		await().atMost(Duration.ofSeconds(10)).until(() -> leading.passes.get() >= 3);
		assertThat(waiting.passes).as("the replica that does not lead").hasValue(0);

		terminateSessionsOf("loop-leader");

		// The lost leader learns it at its next heartbeat; a pass it handed to a worker
		// before that may still finish. Once it knows and the new leader has run a few
		// passes, it must run none.
		await().atMost(Duration.ofSeconds(10)).until(() -> !leader.isLeader() && waiting.passes.get() >= 3);
		int led = leading.passes.get();
		int taken = waiting.passes.get();
		await().atMost(Duration.ofSeconds(10)).until(() -> waiting.passes.get() >= taken + 5);
		assertThat(leading.passes).as("the replica that lost its session").hasValue(led);
	}

	private void loop(Counting reconciler, AdvisoryLockLeadership leadership) {
		ReconcileLoop<String> loop = new ReconcileLoop<>("loop", reconciler, leadership,
				ReconcileLoop.Settings.polling(Duration.ofMillis(50)));
		loop.start();
		this.loops.add(loop);
	}

	private AdvisoryLockLeadership replica(String name) {
		return start(new AdvisoryLockLeadership(connections(name), KEY, Duration.ofMillis(100)));
	}

	private AdvisoryLockLeadership start(AdvisoryLockLeadership leadership) {
		leadership.start();
		this.started.add(leadership);
		return leadership;
	}

	private AdvisoryLockLeadership.Connections connections(String applicationName) {
		return () -> {
			Properties properties = new Properties();
			properties.setProperty("user", TestDatabases.APP_ROLE);
			properties.setProperty("password", TestDatabases.APP_ROLE);
			properties.setProperty("ApplicationName", applicationName);
			return DriverManager.getConnection(PlatformServices.get().jdbcUrl(this.database), properties);
		};
	}

	private void terminateSessionsOf(String applicationName) throws SQLException {
		try (Connection superuser = TestDatabases.superuser(this.database);
				PreparedStatement terminate = superuser.prepareStatement(
						"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = ?")) {
			terminate.setString(1, applicationName);
			terminate.execute();
		}
	}

	/** A reconciler whose one key is always due: counts the passes that reach it. */
	private static final class Counting implements Reconciler<String> {

		final AtomicInteger passes = new AtomicInteger();

		@Override
		public List<String> due(int limit) {
			return List.of("always");
		}

		@Override
		public List<String> all() {
			return List.of("always");
		}

		@Override
		public Outcome reconcile(String key) {
			this.passes.incrementAndGet();
			return Outcome.NOOP;
		}

	}

}

package uk.gov.analyticalplatform.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest
@PlatformDatabase
class AuditLogIT {

	private static final Actor ALICE = Actor.user("u-alice", "alice");

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditEvents auditEvents;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	DataSource dataSource;

	@Value("${platform.test.database}")
	String database;

	@Test
	void aBusinessChangeThatRollsBackLeavesNoAuditEvent() {
		long before = count("audit_event");
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("INSERT INTO business_change (name) VALUES ('rolled back')");
			this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-rollback"));
			throw new IllegalStateException("the business change fails after auditing");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(count("audit_event")).isEqualTo(before);
		assertThat(
				this.jdbc.queryForObject("SELECT count(*) FROM business_change WHERE name = 'rolled back'", Long.class))
			.isZero();
	}

	@Test
	void anAuditFailureRollsTheBusinessChangeBack() {
		assertThatThrownBy(() -> this.transactions.executeWithoutResult((status) -> {
			this.jdbc.update("INSERT INTO business_change (name) VALUES ('audit failed')");
			// PostgreSQL refuses NUL characters in text: the audit insert fails in the
			// database
			this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "bad\u0000id"));
		})).isNotNull();
		assertThat(this.jdbc.queryForObject("SELECT count(*) FROM business_change WHERE name = 'audit failed'",
				Long.class))
			.isZero();
	}

	@Test
	void recordingOutsideATransactionIsRefused() {
		assertThatExceptionOfType(IllegalTransactionStateException.class)
			.isThrownBy(() -> this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-1")))
			.withMessageContaining("transaction");
	}

	@Test
	void committedEventsAreLinkedIntoTheChain() {
		long id = this.transactions.execute((status) -> this.auditLog
			.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-linked").with("level", "READ")));
		AuditRecord recorded = this.auditEvents
			.search(new AuditQuery(null, null, "grant", "g-linked", null, null), null, 10)
			.events()
			.get(0);
		assertThat(recorded.id()).isEqualTo(id);
		assertThat(recorded.details()).containsEntry("level", "READ");
		org.awaitility.Awaitility.await()
			.until(() -> this.auditEvents.search(new AuditQuery(null, null, "grant", "g-linked", null, null), null, 1)
				.events()
				.get(0)
				.hash() != null);
	}

	@Test
	void theSequencerLagIsHowLongTheOldestCommittedEventNotYetLinkedHasWaited() throws SQLException {
		await().until(() -> this.auditEvents.sequencerLag().isZero());
		try (Connection older = this.dataSource.getConnection()) {
			older.setAutoCommit(false);
			try (Statement statement = older.createStatement()) {
				statement.execute("INSERT INTO business_change (name) VALUES ('still running')");
			}
			this.transactions.executeWithoutResult(
					(status) -> this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-held-back")));

			await().until(() -> this.auditEvents.sequencerLag().compareTo(Duration.ZERO) > 0);
			older.rollback();
		}
		await().until(() -> this.auditEvents.sequencerLag().isZero());
	}

	@Test
	void sixteenConcurrentWritersMakeOneGapFreeChain() throws Exception {
		long before = this.auditEvents.verify(Actor.system("test")).eventCount();
		ExecutorService pool = Executors.newFixedThreadPool(16);
		List<Callable<Void>> writers = new ArrayList<>();
		for (int writer = 0; writer < 16; writer++) {
			String name = "writer-" + writer;
			writers.add(() -> {
				for (int i = 0; i < 500; i++) {
					String target = name + "-" + i;
					this.transactions.executeWithoutResult((status) -> this.auditLog
						.record(AuditEvent.of(Actor.system(name), "test.appended", "test", target)));
				}
				return null;
			});
		}
		for (Future<Void> done : pool.invokeAll(writers)) {
			done.get();
		}
		pool.shutdown();
		VerifyReport report = this.auditEvents.verify(Actor.system("test"));
		assertThat(report.ok()).as(report.problem()).isTrue();
		// the earlier verify recorded one audit.verified event of its own
		assertThat(report.eventCount()).isEqualTo(before + 1 + 16 * 500);
		assertThat(
				this.jdbc.queryForObject("SELECT max(seq) - min(seq) + 1 = count(*) FROM audit_chain", Boolean.class))
			.isTrue();
		assertThat(
				this.jdbc.queryForObject("SELECT count(DISTINCT prev_hash) = count(*) FROM audit_chain", Boolean.class))
			.as("no two links share a predecessor: no fork")
			.isTrue();
	}

	@Test
	void theApplicationRoleCanOnlyInsertAndSelectTheLog() throws SQLException {
		try (Connection app = TestDatabases.application(this.database); Statement statement = app.createStatement()) {
			for (String forbidden : List.of("UPDATE audit_event SET action = 'x.y'", "DELETE FROM audit_event",
					"TRUNCATE audit_event", "UPDATE audit_chain SET seq = seq", "DELETE FROM audit_chain",
					"DELETE FROM audit_checkpoint")) {
				assertThatExceptionOfType(SQLException.class).as(forbidden)
					.isThrownBy(() -> statement.execute(forbidden))
					.withMessageContaining("permission denied");
			}
		}
	}

	@Test
	void nobodyChoosesTheTransactionAnEventIsFiledUnder() throws SQLException {
		try (Connection app = TestDatabases.application(this.database); Statement statement = app.createStatement()) {
			statement.execute("INSERT INTO audit_event (occurred_at, actor_username, action, target_type, target_id, "
					+ "details, xid) VALUES (now(), 'mallory', 'role.granted', 'user', 'mallory', '{}', '3')");
		}
		assertThat(this.jdbc.queryForObject(
				"SELECT xid::text::bigint > 3 FROM audit_event WHERE actor_username = 'mallory'", Boolean.class))
			.isTrue();
	}

	@Test
	void eventsAreStillLinkedAfterTheLogIsRestoredIntoAnotherCluster() throws SQLException {
		this.transactions.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-before-restore")));
		this.auditEvents.verify(Actor.system("test"));
		try (Connection superuser = TestDatabases.superuser(this.database);
				Statement statement = superuser.createStatement()) {
			// a restored cluster hands out transaction ids far below the watermark
			// carried over
			statement.execute("UPDATE audit_chain_head SET last_xid = '999999999999'");
		}
		this.transactions.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-after-restore")));
		VerifyReport report = this.auditEvents.verify(Actor.system("test"));
		assertThat(report.ok()).as(report.problem()).isTrue();
		assertThat(this.auditEvents.search(new AuditQuery(null, null, "grant", "g-after-restore", null, null), null, 1)
			.events()
			.get(0)
			.seq()).isNotNull();
	}

	@Test
	void triggersRefuseChangesEvenToTheTableOwner() throws SQLException {
		this.transactions.executeWithoutResult(
				(status) -> this.auditLog.record(AuditEvent.of(ALICE, "grant.created", "grant", "g-owner")));
		try (Connection owner = TestDatabases.superuser(this.database); Statement statement = owner.createStatement()) {
			statement.execute("SET ROLE platform_owner");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("UPDATE audit_event SET details = '{}'"))
				.withMessageContaining("append-only");
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("DELETE FROM audit_event"))
				.withMessageContaining("append-only");
			assertThatExceptionOfType(SQLException.class)
				.isThrownBy(() -> statement.execute("TRUNCATE audit_event CASCADE"))
				.withMessageContaining("append-only");
		}
	}

	private long count(String table) {
		return this.jdbc.queryForObject("SELECT count(*) FROM " + table, Long.class);
	}

}

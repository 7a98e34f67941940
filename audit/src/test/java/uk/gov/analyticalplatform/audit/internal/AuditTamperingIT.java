package uk.gov.analyticalplatform.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.annotation.DirtiesContext.ClassMode;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.AuditTestApplication;
import uk.gov.analyticalplatform.audit.Checkpoint;
import uk.gov.analyticalplatform.audit.VerifyReport;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tampering as a database superuser would do it, with the append-only triggers switched
 * off ({@code session_replication_role = replica}); each test gets a fresh database.
 */
@SpringBootTest(classes = AuditTestApplication.class)
@PlatformDatabase
@TestPropertySource(properties = "platform.test.context=tampering")
@DirtiesContext(classMode = ClassMode.AFTER_EACH_TEST_METHOD)
class AuditTamperingIT {

	private static final Actor SYSTEM = Actor.system("tamper-test");

	@Autowired
	AuditLog auditLog;

	@Autowired
	AuditEvents auditEvents;

	@Autowired
	TransactionTemplate transactions;

	@Value("${platform.test.database}")
	String database;

	private Checkpoint checkpoint;

	@BeforeEach
	void recordAHundredEventsAndSignACheckpoint() {
		for (int i = 1; i <= 100; i++) {
			String target = "g-" + i;
			this.transactions.executeWithoutResult((status) -> this.auditLog.record(
					AuditEvent.of(Actor.user("u-1", "alice"), "grant.created", "grant", target).with("level", "READ")));
		}
		this.checkpoint = this.auditEvents.checkpoint();
		assertThat(this.checkpoint.seq()).isEqualTo(100);
	}

	@Test
	void anIntactLogVerifies() {
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).as(report.problem()).isTrue();
		assertThat(report.eventCount()).isEqualTo(100);
		assertThat(report.headHash()).isEqualTo(this.checkpoint.headHash());
		assertThat(report.checkpointsVerified()).isEqualTo(1);
	}

	@Test
	void editingOneEventsDetailsIsFoundAndNamed() throws SQLException {
		long victim = eventIdAt(42);
		tamper("UPDATE audit_event SET details = '{\"level\": \"ADMIN\"}' WHERE id = " + victim);
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).isFalse();
		assertThat(report.brokenEventId()).isEqualTo(victim);
		assertThat(report.brokenSeq()).isEqualTo(42);
		assertThat(report.problem()).contains("changed after it was recorded");
	}

	@Test
	void deletingTheLastTenEventsIsCaughtByTheCheckpoint() throws SQLException {
		tamper("DELETE FROM audit_chain WHERE seq > 90",
				"DELETE FROM audit_event WHERE id NOT IN (SELECT event_id FROM audit_chain)",
				"UPDATE audit_chain_head SET seq = 90, hash = (SELECT hash FROM audit_chain WHERE seq = 90), "
						+ "last_event_id = (SELECT event_id FROM audit_chain WHERE seq = 90), "
						+ "last_xid = (SELECT xid FROM audit_event WHERE id = (SELECT event_id FROM audit_chain WHERE seq = 90))");
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).isFalse();
		assertThat(report.brokenSeq()).isEqualTo(91);
		assertThat(report.problem()).contains("the last 10 events after link 90 have been removed");
	}

	@Test
	void recomputingTheWholeChainAfterAnEditIsCaughtByTheSignedCheckpoint() throws SQLException {
		long victim = eventIdAt(10);
		tamper("UPDATE audit_event SET details = '{\"level\": \"ADMIN\"}' WHERE id = " + victim);
		rechain();
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).isFalse();
		assertThat(report.brokenSeq()).isEqualTo(100);
		assertThat(report.problem()).contains("rewritten");
	}

	@Test
	void aForgedCheckpointIsCaught() throws SQLException {
		tamper("UPDATE audit_checkpoint SET head_hash = decode(repeat('ab', 32), 'hex')");
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).isFalse();
		assertThat(report.problem()).contains("invalid signature");
	}

	@Test
	void anEventSlippedInBelowTheWatermarkIsCaught() throws SQLException {
		// with the triggers off, a superuser can file an event under a long-finished
		// transaction
		tamper("INSERT INTO audit_event (occurred_at, actor_username, action, target_type, target_id, details, xid) "
				+ "VALUES (now(), 'mallory', 'role.granted', 'user', 'mallory', '{}', '3')");
		VerifyReport report = this.auditEvents.verify(SYSTEM);
		assertThat(report.ok()).isFalse();
		assertThat(report.problem()).contains("behind the log's back");
	}

	private long eventIdAt(long seq) throws SQLException {
		try (Connection connection = TestDatabases.superuser(this.database);
				ResultSet rs = connection.createStatement()
					.executeQuery("SELECT event_id FROM audit_chain WHERE seq = " + seq)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private void tamper(String... statements) throws SQLException {
		try (Connection connection = TestDatabases.superuser(this.database);
				Statement statement = connection.createStatement()) {
			statement.execute("SET session_replication_role = replica");
			for (String sql : statements) {
				statement.execute(sql);
			}
		}
	}

	/** What an attacker who knows the algorithm but not the checkpoint key would do. */
	private void rechain() throws SQLException {
		try (Connection connection = TestDatabases.superuser(this.database)) {
			connection.createStatement().execute("SET session_replication_role = replica");
			List<StoredEvent> events = new ArrayList<>();
			try (ResultSet rs = connection.createStatement()
				.executeQuery("SELECT " + StoredEvent.COLUMNS
						+ " FROM audit_chain c JOIN audit_event e ON e.id = c.event_id ORDER BY c.seq")) {
				while (rs.next()) {
					events.add(StoredEvent.read(rs));
				}
			}
			byte[] prev = ChainHash.GENESIS;
			try (PreparedStatement update = connection
				.prepareStatement("UPDATE audit_chain SET prev_hash = ?, hash = ? WHERE seq = ?")) {
				for (int i = 0; i < events.size(); i++) {
					byte[] hash = ChainHash.of(events.get(i), i + 1, prev);
					update.setBytes(1, prev);
					update.setBytes(2, hash);
					update.setLong(3, i + 1);
					update.executeUpdate();
					prev = hash;
				}
			}
		}
	}

}

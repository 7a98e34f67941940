package uk.gov.analyticalplatform.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The status dance of a tracked reconciler over the {@code widgets} status table:
 * {@code PENDING → APPLYING → READY | FAILED(reason)}, with what the applier records
 * written in the transaction that records {@code READY}.
 */
@SpringBootTest
@PlatformDatabase
class TrackedReconcilerIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private final List<ApplyState> statesSeenWhileApplying = new ArrayList<>();

	@Test
	void aChangedKeyIsAppliedWhileApplyingAndEndsReady() {
		String key = bumped();
		Outcome outcome = reconciler((row) -> {
			this.statesSeenWhileApplying.add(state(row.key()));
			return Applied.of(Outcome.CREATED, () -> colour(row.key(), "applied"));
		}).reconcile(key);

		assertThat(outcome).isEqualTo(Outcome.CREATED);
		assertThat(this.statesSeenWhileApplying).containsExactly(ApplyState.APPLYING);
		assertThat(rows().find(key).orElseThrow().status().upToDate()).isTrue();
		assertThat(colour(key)).isEqualTo("applied");
	}

	@Test
	void aKeyBelievedAppliedStaysReadyWhileAResyncChecksIt() {
		String key = bumped();
		reconciler((row) -> Applied.of(Outcome.CREATED)).reconcile(key);

		reconciler((row) -> {
			this.statesSeenWhileApplying.add(state(row.key()));
			return Applied.of(Outcome.NOOP);
		}).reconcile(key);

		assertThat(this.statesSeenWhileApplying).containsExactly(ApplyState.READY);
	}

	@Test
	void aFailureBecomesFailedWithItsReasonAndIsRethrown() {
		String key = bumped();
		TrackedReconciler<String> failing = reconciler((row) -> {
			throw new IllegalStateException("the world is down");
		});

		assertThatIllegalStateException().isThrownBy(() -> failing.reconcile(key));

		StatusRow<String> row = rows().find(key).orElseThrow();
		assertThat(row.state()).isEqualTo(ApplyState.FAILED);
		assertThat(row.reason()).isEqualTo("IllegalStateException: the world is down");
		assertThat(rows().due(1000)).as("waiting for its backoff").doesNotContain(key);
	}

	@Test
	void whatTheApplierRecordsRollsBackWithTheReadyStatusIfItFails() {
		String key = bumped();
		TrackedReconciler<String> reconciler = reconciler((row) -> Applied.of(Outcome.CREATED, () -> {
			colour(row.key(), "half");
			throw new IllegalStateException("recording failed");
		}));

		assertThatThrownBy(() -> reconciler.reconcile(key)).hasMessage("recording failed");

		assertThat(colour(key)).isEqualTo("red");
		assertThat(state(key)).isEqualTo(ApplyState.FAILED);
	}

	@Test
	void aChangeMadeWhileApplyingIsAppliedNextTime() {
		String key = bumped();
		reconciler((row) -> {
			rows().bump(row.key(), Map.of("colour", "changed meanwhile"));
			return Applied.of(Outcome.CREATED);
		}).reconcile(key);

		assertThat(state(key)).isEqualTo(ApplyState.PENDING);
		assertThat(rows().due(1000)).contains(key);
	}

	@Test
	void aKeyWithoutARowHasNothingToApply() {
		assertThat(reconciler((row) -> {
			throw new AssertionError("nothing to apply");
		}).reconcile(UUID.randomUUID().toString())).isEqualTo(Outcome.NOOP);
	}

	private TrackedReconciler<String> reconciler(Applier<String> applier) {
		return new TrackedReconciler<>(rows(), applier, new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5)),
				this.transactions);
	}

	private StatusRows<String> rows() {
		return new StatusRows<>(JdbcClient.create(this.dataSource), Clock.systemUTC(), () -> {
		}, "widgets", "name", String.class);
	}

	private String bumped() {
		String key = "w-" + UUID.randomUUID();
		rows().bump(key, Map.of("colour", "red"));
		return key;
	}

	private ApplyState state(String key) {
		return rows().find(key).orElseThrow().state();
	}

	private String colour(String key) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT colour FROM widgets WHERE name = :name")
			.param("name", key)
			.query(String.class)
			.single();
	}

	private void colour(String key, String colour) {
		JdbcClient.create(this.dataSource)
			.sql("UPDATE widgets SET colour = :colour WHERE name = :name")
			.param("name", key)
			.param("colour", colour)
			.update();
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The status table gateway on a status table of the standard shape, {@code widgets}. */
@SpringBootTest
@PlatformDatabase
class StatusRowsIT {

	private static final Instant T0 = Instant.parse("2026-12-01T09:00:00Z");

	private static final Backoff BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(1));

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	private final AtomicInteger signals = new AtomicInteger();

	@Test
	void aBumpInsertsTheRowAtGenerationOneDueAtOnceThenIncreasesItsGeneration() {
		String key = key();
		rows(T0).bump(key, Map.of("colour", "red"));
		assertThat(rows(T0).find(key)).get()
			.extracting(StatusRow::generation, StatusRow::observedGeneration, StatusRow::state)
			.containsExactly(1L, 0L, ApplyState.PENDING);
		assertThat(rows(T0).due(1000)).contains(key);

		rows(T0).bump(key, Map.of("colour", "blue"));

		assertThat(rows(T0).find(key).orElseThrow().generation()).isEqualTo(2);
		assertThat(colour(key)).isEqualTo("blue");
	}

	@Test
	void aReadyRowIsNoLongerDueAndIsBelievedApplied() {
		String key = bumped();
		rows(T0).applying(key);
		assertThat(rows(T0).find(key).orElseThrow().state()).isEqualTo(ApplyState.APPLYING);

		assertThat(rows(T0.plusSeconds(1)).ready(key, 1)).isTrue();

		StatusRow<String> row = rows(T0).find(key).orElseThrow();
		assertThat(row.state()).isEqualTo(ApplyState.READY);
		assertThat(row.believedApplied()).isTrue();
		assertThat(row.status().upToDate()).isTrue();
		assertThat(row.appliedAt()).isEqualTo(T0.plusSeconds(1));
		assertThat(rows(T0).due(1000)).doesNotContain(key);
	}

	@Test
	void aBumpWhileAGenerationIsBeingAppliedLeavesTheRowPendingAndDue() {
		String key = bumped();
		rows(T0).applying(key);
		rows(T0).bump(key, Map.of("colour", "green"));

		assertThat(rows(T0).ready(key, 1)).isFalse();

		StatusRow<String> row = rows(T0).find(key).orElseThrow();
		assertThat(row.state()).isEqualTo(ApplyState.PENDING);
		assertThat(row.observedGeneration()).isEqualTo(1);
		assertThat(row.generation()).isEqualTo(2);
		assertThat(rows(T0).due(1000)).contains(key);
	}

	@Test
	void aLateReadyForAnOlderGenerationNeverMovesTheObservedGenerationBack() {
		String key = bumped();
		rows(T0).bump(key, Map.of("colour", "red"));
		rows(T0).ready(key, 2);

		rows(T0).ready(key, 1);

		assertThat(rows(T0).find(key).orElseThrow().observedGeneration()).isEqualTo(2);
	}

	@Test
	void aFailureRecordsItsReasonAndWaitsLongerEachTime() {
		String key = bumped();
		rows(T0).failed(key, 1, "the world said no", BACKOFF);
		StatusRow<String> first = rows(T0).find(key).orElseThrow();
		assertThat(first.state()).isEqualTo(ApplyState.FAILED);
		assertThat(first.reason()).isEqualTo("the world said no");
		assertThat(first.nextAttemptAt()).isEqualTo(T0.plusSeconds(5));
		assertThat(rows(T0.plusSeconds(4)).due(1000)).doesNotContain(key);
		assertThat(rows(T0.plusSeconds(5)).due(1000)).contains(key);

		rows(T0.plusSeconds(5)).failed(key, 1, null, BACKOFF);

		StatusRow<String> second = rows(T0).find(key).orElseThrow();
		assertThat(second.failures()).isEqualTo(2);
		assertThat(second.reason()).isEqualTo("unknown failure");
		assertThat(second.nextAttemptAt()).isEqualTo(T0.plusSeconds(15));
	}

	@Test
	void aFailureOfAGenerationAlreadyBumpedPastLeavesTheNewOneDueAtOnce() {
		String key = bumped();
		rows(T0).failed(key, 1, "first failure", BACKOFF);
		rows(T0.plusSeconds(1)).bump(key, Map.of("colour", "red"));

		rows(T0.plusSeconds(2)).failed(key, 1, "the old generation failed", BACKOFF);

		StatusRow<String> row = rows(T0).find(key).orElseThrow();
		assertThat(row.state()).isEqualTo(ApplyState.PENDING);
		assertThat(row.failures()).isZero();
		assertThat(rows(T0.plusSeconds(2)).due(1000)).contains(key);
	}

	@Test
	void aReadyAfterFailuresClearsReasonAndBackoff() {
		String key = bumped();
		rows(T0).failed(key, 1, "no", BACKOFF);

		rows(T0).ready(key, 1);

		StatusRow<String> row = rows(T0).find(key).orElseThrow();
		assertThat(row.reason()).isNull();
		assertThat(row.failures()).isZero();
	}

	@Test
	void dueRowsComeOldestFirstAndNoMoreThanAsked() {
		String later = key();
		String earlier = key();
		rows(T0.minusSeconds(10)).bump(earlier, Map.of("colour", "red"));
		rows(T0.minusSeconds(5)).bump(later, Map.of("colour", "red"));

		assertThat(rows(T0).due(1000)).containsSubsequence(earlier, later);
		assertThat(rows(T0).due(1)).hasSize(1);
		assertThat(rows(T0).all()).contains(earlier, later);
	}

	@Test
	void theQueueDepthCountsDueRowsAndTheStatesCountEveryRow() {
		long due = rows(T0).dueCount();
		Map<ApplyState, Long> states = rows(T0).countByState();
		assertThat(due).isEqualTo(rows(T0).due(100_000).size());
		assertThat(states).containsOnlyKeys(ApplyState.values());

		String failed = bumped();
		rows(T0).failed(failed, 1, "no", BACKOFF);
		bumped();

		assertThat(rows(T0).dueCount()).as("the failed row waits for its backoff").isEqualTo(due + 1);
		Map<ApplyState, Long> now = rows(T0).countByState();
		assertThat(now.get(ApplyState.PENDING)).isEqualTo(states.get(ApplyState.PENDING) + 1);
		assertThat(now.get(ApplyState.FAILED)).isEqualTo(states.get(ApplyState.FAILED) + 1);
	}

	@Test
	void aRequeueMakesAReadyRowDueAgainAndNeverInsertsOne() {
		String key = bumped();
		rows(T0).failed(key, 1, "no", BACKOFF);
		rows(T0).ready(key, 1);
		int before = this.signals.get();

		assertThat(rows(T0).requeue(key)).isTrue();

		assertThat(rows(T0).due(1000)).contains(key);
		assertThat(this.signals).hasValue(before + 1);
		assertThat(rows(T0).requeue(key())).isFalse();
		assertThat(this.signals).hasValue(before + 1);
	}

	@Test
	void aBumpSignalsOnlyOnceItsTransactionCommits() {
		String committed = key();
		this.transactions.executeWithoutResult((tx) -> {
			rows(T0).bump(committed, Map.of("colour", "red"));
			assertThat(this.signals).hasValue(0);
		});
		assertThat(this.signals).hasValue(1);

		assertThatThrownBy(() -> this.transactions.executeWithoutResult((tx) -> {
			rows(T0).bump(key(), Map.of("colour", "red"));
			throw new IllegalStateException("the change fails");
		})).isInstanceOf(IllegalStateException.class);
		assertThat(this.signals).hasValue(1);
	}

	@Test
	void namesThatAreNotPlainIdentifiersAreRefused() {
		JdbcClient jdbc = JdbcClient.create(this.dataSource);
		assertThatIllegalArgumentException().isThrownBy(() -> new StatusRows<>(jdbc, Clock.systemUTC(), () -> {
		}, "widgets; DROP TABLE x", "name", String.class));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> rows(T0).bump(key(), Map.of("colour = 'x', generation", "red")));
	}

	private StatusRows<String> rows(Instant now) {
		return new StatusRows<>(JdbcClient.create(this.dataSource), Clock.fixed(now, ZoneOffset.UTC),
				this.signals::incrementAndGet, "widgets", "name", String.class);
	}

	private String bumped() {
		String key = key();
		rows(T0).bump(key, Map.of("colour", "red"));
		return key;
	}

	private String colour(String key) {
		return JdbcClient.create(this.dataSource)
			.sql("SELECT colour FROM widgets WHERE name = :name")
			.param("name", key)
			.query(String.class)
			.single();
	}

	private static String key() {
		return "w-" + UUID.randomUUID();
	}

}

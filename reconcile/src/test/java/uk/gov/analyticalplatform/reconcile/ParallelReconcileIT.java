package uk.gov.analyticalplatform.reconcile;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A loop with several workers over the real {@code widgets} status table: it reconciles
 * as many keys at once as it has workers and never more, never one key on two workers,
 * re-applies a key changed while a worker had it, and failures still go through the
 * table's backoff.
 */
@SpringBootTest
@PlatformDatabase
class ParallelReconcileIT {

	static final int WORKERS = 4;

	static final Duration LONG = Duration.ofHours(1);

	@Autowired
	DataSource dataSource;

	@Autowired
	TransactionTemplate transactions;

	final String prefix = "p-" + UUID.randomUUID().toString().substring(0, 8) + "-";

	final Recording recording = new Recording();

	final List<ReconcileLoop<String>> loops = new ArrayList<>();

	final ReconcileSignals signals = new ReconcileSignals();

	@AfterEach
	void stopLoops() {
		this.recording.release.countDown();
		this.loops.forEach(ReconcileLoop::stop);
	}

	@Test
	void aLoopReconcilesAsManyKeysAtOnceAsItHasWorkersAndNeverMore() {
		CountDownLatch allIn = new CountDownLatch(WORKERS);
		this.recording.whileApplying = (key) -> {
			allIn.countDown();
			through(allIn);
		};
		List<String> keys = keys(WORKERS * 5);
		start();

		keys.forEach(this::bump);

		await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(this::ready));
		assertThat(this.recording.most).as("keys reconciled at once").hasValue(WORKERS);
		assertThat(this.recording.overlaps).isEmpty();
		assertThat(this.recording.applied).hasSize(keys.size()).containsAll(keys);
	}

	@Test
	void aKeyChangedWhileAWorkerHasItIsAppliedAgainAfterwardsNeverTwiceAtOnce() throws Exception {
		String key = keys(1).get(0);
		CountDownLatch inside = new CountDownLatch(1);
		this.recording.whileApplying = (applying) -> {
			inside.countDown();
			through(this.recording.release);
		};
		ReconcileLoop<String> loop = start();
		bump(key);
		through(inside);

		bump(key);
		Pass meanwhile = loop.drain();
		this.recording.release.countDown();

		assertThat(meanwhile.reconciled()).as("the worker had the key").isZero();
		await().atMost(Duration.ofSeconds(30)).until(() -> ready(key) && status(key).observedGeneration() == 2);
		assertThat(this.recording.applied).containsExactly(key, key);
		assertThat(this.recording.overlaps).isEmpty();
	}

	@Test
	void aFailingKeyWaitsForItsBackoffWhileTheOthersAreApplied() {
		List<String> keys = keys(WORKERS * 2);
		String failing = keys.get(3);
		this.recording.whileApplying = (key) -> {
			if (key.equals(failing)) {
				throw new IllegalStateException("cannot apply " + key);
			}
		};
		ReconcileLoop<String> loop = start();

		keys.forEach(this::bump);

		await().atMost(Duration.ofSeconds(30))
			.until(() -> keys.stream().filter((key) -> !key.equals(failing)).allMatch(this::ready)
					&& status(failing).state() == ApplyState.FAILED);
		assertThat(loop.failures()).isEqualTo(1);
		assertThat(status(failing).reason()).isEqualTo("IllegalStateException: cannot apply " + failing);
		assertThat(status(failing).nextAttemptAt()).as("its backoff")
			.isAfter(Instant.now().plus(Duration.ofSeconds(30)));
		assertThat(loop.drain().reconciled()).as("the failed key waits for its backoff").isZero();
		assertThat(loop.backlog()).isZero();
		assertThat(keys.stream().filter((key) -> status(key).state() == ApplyState.READY)).hasSize(keys.size() - 1);
	}

	@Test
	void aResyncAppliesEveryKeyOnTheWorkersAndPrunesOnlyOnceAllAreDone() {
		List<String> keys = keys(WORKERS * 3);
		ReconcileLoop<String> loop = start();
		keys.forEach(this::bump);
		await().atMost(Duration.ofSeconds(30)).until(() -> keys.stream().allMatch(this::ready));
		this.recording.applied.clear();
		this.recording.threads.clear();

		Pass pass = loop.resyncNow();

		assertThat(pass.count(Outcome.NOOP)).isEqualTo(keys.size());
		assertThat(this.recording.applied).containsExactlyInAnyOrderElementsOf(keys);
		assertThat(this.recording.appliedWhenPruned).hasValue(keys.size());
		assertThat(this.recording.threads).allMatch((thread) -> thread.startsWith("parallel-")).hasSizeGreaterThan(1);
	}

	private ReconcileLoop<String> start() {
		StatusRows<String> rows = rows();
		TrackedReconciler<String> reconciler = new TrackedReconciler<>(rows, this.recording,
				new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(5)), this.transactions);
		ReconcileLoop<String> loop = new ReconcileLoop<>("parallel", new Only(reconciler, this.prefix),
				Leadership.everyReplica(), new ReconcileLoop.Settings(true, LONG, LONG, WORKERS));
		this.signals.listen(loop);
		loop.start();
		this.loops.add(loop);
		return loop;
	}

	private List<String> keys(int count) {
		List<String> keys = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			keys.add(this.prefix + String.format("%03d", i));
		}
		return keys;
	}

	private StatusRows<String> rows() {
		return new StatusRows<>(JdbcClient.create(this.dataSource), Clock.systemUTC(), this.signals, "widgets", "name",
				String.class);
	}

	private void bump(String key) {
		this.transactions.executeWithoutResult((tx) -> rows().bump(key, Map.of("colour", "red")));
	}

	private StatusRow<String> status(String key) {
		return rows().find(key).orElseThrow();
	}

	private boolean ready(String key) {
		return rows().find(key).map((row) -> row.state() == ApplyState.READY).orElse(false);
	}

	private static void through(CountDownLatch latch) {
		try {
			if (!latch.await(20, TimeUnit.SECONDS)) {
				throw new IllegalStateException("the latch was never opened");
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** An applier that records which keys it applies, on which threads, and overlaps. */
	static final class Recording implements Applier<String> {

		final Set<String> busy = ConcurrentHashMap.newKeySet();

		final AtomicInteger inside = new AtomicInteger();

		final AtomicInteger most = new AtomicInteger();

		final List<String> overlaps = new CopyOnWriteArrayList<>();

		final List<String> applied = new CopyOnWriteArrayList<>();

		final List<String> threads = new CopyOnWriteArrayList<>();

		final AtomicInteger appliedWhenPruned = new AtomicInteger(-1);

		final CountDownLatch release = new CountDownLatch(1);

		volatile Consumer<String> whileApplying = (key) -> {
		};

		@Override
		public Applied apply(StatusRow<String> row) {
			String key = row.key();
			if (!this.busy.add(key)) {
				this.overlaps.add(key);
			}
			this.most.accumulateAndGet(this.inside.incrementAndGet(), Math::max);
			try {
				this.applied.add(key);
				this.threads.add(Thread.currentThread().getName());
				this.whileApplying.accept(key);
				return Applied.of(row.believedApplied() ? Outcome.NOOP : Outcome.CREATED);
			}
			finally {
				this.inside.decrementAndGet();
				this.busy.remove(key);
			}
		}

		@Override
		public int prune() {
			this.appliedWhenPruned.set(this.applied.size());
			return 0;
		}

	}

	/**
	 * The reconciler restricted to one test's keys (the table is shared by the class).
	 */
	record Only(Reconciler<String> reconciler, String prefix) implements Reconciler<String> {

		@Override
		public List<String> due(int limit) {
			return this.reconciler.due(1000)
				.stream()
				.filter((key) -> key.startsWith(this.prefix))
				.limit(limit)
				.toList();
		}

		@Override
		public List<String> all() {
			return this.reconciler.all().stream().filter((key) -> key.startsWith(this.prefix)).toList();
		}

		@Override
		public Outcome reconcile(String key) {
			return this.reconciler.reconcile(key);
		}

		@Override
		public int prune() {
			return this.reconciler.prune();
		}

		@Override
		public long backlog() {
			return due(1000).size();
		}

		@Override
		public Map<ApplyState, Long> states() {
			return this.reconciler.states();
		}

	}

}

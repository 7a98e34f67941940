package uk.gov.analyticalplatform.reconcile;

import java.time.Duration;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs one {@link Reconciler} level-triggered: its passes run one at a time on a
 * {@link WorkerThread} of its own, and hand keys to a bounded pool of workers
 * ({@link Settings#workers}; with one, the pass's thread reconciles them itself):
 * <ul>
 * <li>on every change signal (coalesced) and every poll interval it drains: reconciles
 * each due key, asking again until no key it has not yet seen in this pass is due (and
 * again, for keys changed since, when a signal arrives while keys are still being
 * reconciled);</li>
 * <li>every resync interval it reconciles every key (correcting drift) and then, once all
 * are done, lets the reconciler prune orphans.</li>
 * </ul>
 * Two workers never reconcile one key at once: a key that is due again while a worker has
 * it is reconciled once more by that worker when it is done, never lost. Keys are handed
 * out in the order the reconciler gives them, so a reconciler that must admit keys in
 * order (a start queue) still decides that itself, in its own transaction. Every pass
 * first asks the {@link Leadership}; a replica that does not lead does nothing. A key
 * whose reconcile throws is counted as failed (its status, reason and backoff are the
 * reconciler's to record) and the pass goes on, unless the reconciler says the failure
 * ends it. Nothing a pass throws stops the loop: the next poll tries again. Starts after
 * the leadership (phase 0) and stops before it.
 *
 * @param <K> the reconciler's key type
 */
public class ReconcileLoop<K> implements ReconcileSignal, SmartLifecycle {

	/** The most due keys asked for at once. */
	static final int BATCH = 50;

	private static final Logger log = LoggerFactory.getLogger(ReconcileLoop.class);

	private final String name;

	private final Reconciler<K> reconciler;

	private final Leadership leadership;

	private final Settings settings;

	private final WorkerThread thread;

	private final KeyedWorkers<K> workers;

	private final AtomicBoolean drainQueued = new AtomicBoolean();

	/** Set by a change signal, for a drain that is waiting on its workers. */
	private final AtomicBoolean signalled = new AtomicBoolean();

	private final AtomicLong failures = new AtomicLong();

	private final AtomicLong reconciled = new AtomicLong();

	/**
	 * @param name the loop's name, also its thread's
	 * @param reconciler what it runs
	 * @param leadership whether this replica should run it now
	 * @param settings how often
	 */
	public ReconcileLoop(String name, Reconciler<K> reconciler, Leadership leadership, Settings settings) {
		this.name = name;
		this.reconciler = reconciler;
		this.leadership = leadership;
		this.settings = settings;
		this.thread = new WorkerThread(name);
		this.workers = new KeyedWorkers<>(name, settings.workers());
	}

	/**
	 * How often a loop works.
	 *
	 * @param enabled whether it starts with the application
	 * @param pollInterval how often it drains besides change signals (to see changes
	 * other replicas made, and keys whose backoff passed)
	 * @param resyncInterval how often it reconciles every key, or {@code null} for never
	 * @param workers how many keys it reconciles at once (at least one); more than one
	 * only where the reconciler may reconcile different keys at the same time
	 */
	public record Settings(boolean enabled, Duration pollInterval, Duration resyncInterval, int workers) {

		/** Settings of a loop that reconciles one key at a time. */
		public Settings(boolean enabled, Duration pollInterval, Duration resyncInterval) {
			this(enabled, pollInterval, resyncInterval, 1);
		}

		/** A loop that only drains, every {@code pollInterval}, one key at a time. */
		public static Settings polling(Duration pollInterval) {
			return new Settings(true, pollInterval, null);
		}

		/** These settings with the workers of {@code platform.reconcile.*}. */
		public Settings with(ReconcileProperties reconcile) {
			return new Settings(this.enabled, this.pollInterval, this.resyncInterval, reconcile.workers());
		}

	}

	/** Queues a drain on the loop's thread, unless one is queued already. */
	@Override
	public void changed() {
		ScheduledExecutorService running = this.thread.running();
		if (running != null) {
			this.signalled.set(true);
			this.workers.wake();
		}
		if (running != null && this.drainQueued.compareAndSet(false, true)) {
			running.execute(() -> {
				this.drainQueued.set(false);
				safely("drain", this::drain);
			});
		}
	}

	/**
	 * Reconciles due keys until none is left that this pass has not seen, on the workers
	 * (the calling thread where the loop has one worker or is not running), and returns
	 * once every key it handed out is done. Safe to call from several threads at once: a
	 * key is never reconciled by two at the same time.
	 */
	public Pass drain() {
		Tally tally = new Tally();
		if (!this.leadership.isLeader()) {
			return tally.pass(0);
		}
		KeyedWorkers<K>.Batch batch = this.workers.batch((key) -> reconcile(key, tally));
		try {
			handOutDue(batch);
		}
		finally {
			batch.awaitAll();
		}
		return tally.pass(0);
	}

	private void handOutDue(KeyedWorkers<K>.Batch batch) {
		Set<K> seen = new HashSet<>();
		while (!batch.ended()) {
			if (this.signalled.getAndSet(false)) {
				seen.removeIf((key) -> !this.workers.isBusy(key));
			}
			List<K> due = unseen(this.reconciler.due(BATCH), seen);
			for (K key : due) {
				seen.add(key);
				if (!batch.submit(key)) {
					return;
				}
			}
			if (due.isEmpty() && (!batch.awaitProgress() || !this.leadership.isLeader())) {
				return;
			}
		}
	}

	/**
	 * Reconciles every key on the workers (as {@link #drain} does), then, once all are
	 * done, prunes orphans on the calling thread.
	 */
	public Pass resync() {
		Tally tally = new Tally();
		if (!this.leadership.isLeader()) {
			return tally.pass(0);
		}
		KeyedWorkers<K>.Batch batch = this.workers.batch((key) -> reconcile(key, tally));
		for (K key : this.reconciler.all()) {
			if (!batch.submit(key)) {
				batch.awaitAll();
				return tally.pass(0);
			}
		}
		batch.awaitAll();
		if (batch.ended() || Thread.currentThread().isInterrupted()) {
			return tally.pass(0);
		}
		return tally.pass(this.reconciler.prune());
	}

	/**
	 * Runs a resync on the loop's thread, after what it is doing now, and waits for it;
	 * on the calling thread when the loop is not running.
	 */
	public Pass resyncNow() {
		ScheduledExecutorService running = this.thread.running();
		if (running == null) {
			return resync();
		}
		try {
			return running.submit(this::resync).get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(this.name + ": interrupted while resynchronising", ex);
		}
		catch (ExecutionException ex) {
			throw new IllegalStateException(this.name + ": resynchronising failed: " + ex.getCause().getMessage(),
					ex.getCause());
		}
	}

	private boolean reconcile(K key, Tally tally) {
		this.reconciled.incrementAndGet();
		try {
			Outcome outcome = this.reconciler.reconcile(key);
			tally.add(outcome);
			if (outcome.changed()) {
				log.debug("{}: {} {}", this.name, key, outcome);
			}
			return true;
		}
		catch (RuntimeException ex) {
			tally.failed();
			this.failures.incrementAndGet();
			log.warn("{}: could not reconcile {}: {}", this.name, key, Reasons.of(ex));
			return !this.reconciler.endsPass(ex);
		}
	}

	/** The loop's name, also its thread's and its metrics' {@code reconciler} tag. */
	public String name() {
		return this.name;
	}

	/**
	 * How many reconciles of a key failed on this replica since it started: what the
	 * {@code platform_reconcile_failures_total} metric counts.
	 */
	public long failures() {
		return this.failures.get();
	}

	/**
	 * How many times this replica reconciled a key since it started, failures included:
	 * zero on a replica that never led.
	 */
	public long reconciled() {
		return this.reconciled.get();
	}

	/** How many keys are due now ({@link Reconciler#backlog}): the queue depth. */
	public long backlog() {
		return this.reconciler.backlog();
	}

	/**
	 * How many of the reconciler's objects are in each apply state
	 * ({@link Reconciler#states}).
	 */
	public Map<ApplyState, Long> states() {
		return this.reconciler.states();
	}

	private static <K> List<K> unseen(List<K> due, Set<K> seen) {
		return due.stream().filter((key) -> !seen.contains(key)).toList();
	}

	private void safely(String what, Supplier<Pass> pass) {
		try {
			pass.get();
		}
		catch (RuntimeException ex) {
			log.error("{}: {} failed; trying again at the next poll", this.name, what, ex);
		}
	}

	@Override
	public void start() {
		this.workers.start();
		ScheduledExecutorService started = this.thread.start();
		long poll = this.settings.pollInterval().toMillis();
		started.scheduleWithFixedDelay(() -> safely("drain", this::drain), 0, poll, TimeUnit.MILLISECONDS);
		if (this.settings.resyncInterval() != null) {
			long resync = this.settings.resyncInterval().toMillis();
			started.scheduleWithFixedDelay(() -> safely("resync", this::resync), resync, resync, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public void stop() {
		this.thread.stop();
		this.workers.stop();
	}

	@Override
	public boolean isAutoStartup() {
		return this.settings.enabled();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	/** Counts outcomes within one pass, from its workers. */
	private static final class Tally {

		private final Map<Outcome, Integer> outcomes = new EnumMap<>(Outcome.class);

		private int failures;

		synchronized void add(Outcome outcome) {
			this.outcomes.merge(outcome, 1, Integer::sum);
		}

		synchronized void failed() {
			this.failures++;
		}

		synchronized Pass pass(int pruned) {
			return new Pass(this.outcomes, this.failures, pruned);
		}

	}

}

package uk.gov.analyticalplatform.reconcile;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link ReconcileLoop}'s bounded pool of workers: at most {@code size} keys are worked
 * at once, never one key by two workers. A key handed in while a worker has it is not
 * worked twice at once and not lost either: that worker works it once more when it is
 * done. Without started threads (or with one worker) keys are worked on the calling
 * thread, one at a time, with the same exclusivity.
 *
 * @param <K> the key type
 */
final class KeyedWorkers<K> {

	private final String name;

	private final int size;

	/** Keys being worked, and whether each was handed in again meanwhile. */
	private final OnePerKey<K> busy = new OnePerKey<>();

	private final Semaphore slots;

	/** Released whenever a worker finishes a key or the loop is signalled. */
	private final Semaphore wakeups = new Semaphore(0);

	private volatile ExecutorService threads;

	KeyedWorkers(String name, int size) {
		if (size < 1) {
			throw new IllegalArgumentException(name + ": at least one worker is needed, not " + size);
		}
		this.name = name;
		this.size = size;
		this.slots = new Semaphore(size);
	}

	int size() {
		return this.size;
	}

	void start() {
		if (this.size > 1) {
			AtomicInteger count = new AtomicInteger();
			this.threads = Executors.newFixedThreadPool(this.size, (task) -> {
				Thread thread = new Thread(task, this.name + "-" + count.incrementAndGet());
				thread.setDaemon(true);
				return thread;
			});
		}
	}

	void stop() {
		ExecutorService running = this.threads;
		this.threads = null;
		if (running != null) {
			running.shutdownNow();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
	}

	/** Wakes a pass waiting in {@link Batch#awaitProgress}. */
	void wake() {
		this.wakeups.release();
	}

	/** Whether a worker has the key now. */
	boolean isBusy(K key) {
		return this.busy.isBusy(key);
	}

	/** A new set of keys worked for one pass. */
	Batch batch(Predicate<K> work) {
		return new Batch(work);
	}

	/**
	 * The keys one pass hands in, and how to wait for them. The work says whether the
	 * pass may go on (false: it ends, as after a failure that ends passes).
	 */
	final class Batch {

		private final Predicate<K> work;

		private final AtomicInteger pending = new AtomicInteger();

		private volatile boolean ended;

		private Batch(Predicate<K> work) {
			this.work = work;
		}

		/**
		 * Hands the key to a worker, waiting for a free one; if a worker has the key, it
		 * works it once more instead.
		 * @return false once the pass has ended (or the thread is interrupted)
		 */
		boolean submit(K key) {
			if (this.ended || Thread.currentThread().isInterrupted()) {
				return false;
			}
			ExecutorService pool = KeyedWorkers.this.threads;
			if (pool == null) {
				if (KeyedWorkers.this.busy.claim(key)) {
					workUntilDone(key);
				}
				return !this.ended;
			}
			try {
				KeyedWorkers.this.slots.acquire();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
			if (!KeyedWorkers.this.busy.claim(key)) {
				KeyedWorkers.this.slots.release();
				return true;
			}
			this.pending.incrementAndGet();
			try {
				pool.execute(() -> {
					try {
						workUntilDone(key);
					}
					finally {
						this.pending.decrementAndGet();
						KeyedWorkers.this.slots.release();
						wake();
					}
				});
			}
			catch (RuntimeException ex) {
				KeyedWorkers.this.busy.release(key);
				this.pending.decrementAndGet();
				KeyedWorkers.this.slots.release();
				throw ex;
			}
			return true;
		}

		/**
		 * Waits until a worker of any pass finishes a key or the loop is signalled.
		 * @return false when none of this pass's keys is being worked (nothing to wait
		 * for), or the thread was interrupted
		 */
		boolean awaitProgress() {
			if (this.pending.get() == 0) {
				return false;
			}
			try {
				KeyedWorkers.this.wakeups.acquire();
				KeyedWorkers.this.wakeups.drainPermits();
				return true;
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

		/** Waits for every key of this pass to be worked. */
		void awaitAll() {
			while (this.pending.get() > 0) {
				if (!awaitProgress()) {
					return;
				}
			}
		}

		boolean ended() {
			return this.ended;
		}

		/**
		 * Works the key, and again as long as it was handed in again meanwhile; a pass
		 * that ends or a thread interrupted leaves a repeat to the next pass (the key is
		 * still due).
		 */
		private void workUntilDone(K key) {
			boolean released = false;
			try {
				while (true) {
					if (!this.work.test(key)) {
						this.ended = true;
					}
					if (this.ended || Thread.currentThread().isInterrupted()) {
						return;
					}
					if (KeyedWorkers.this.busy.releaseUnlessAgain(key)) {
						released = true;
						return;
					}
				}
			}
			finally {
				if (!released) {
					KeyedWorkers.this.busy.release(key);
				}
			}
		}

	}

}

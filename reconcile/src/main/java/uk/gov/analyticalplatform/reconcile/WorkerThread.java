package uk.gov.analyticalplatform.reconcile;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread of a worker's own that starts and stops with the application (a
 * {@link ReconcileLoop}): its scheduled and one-off work runs there, one task at a time.
 */
public final class WorkerThread {

	private final String name;

	private volatile ScheduledExecutorService executor;

	public WorkerThread(String name) {
		this.name = name;
	}

	/** Starts the thread; returns its executor, to schedule the worker's tasks on. */
	public ScheduledExecutorService start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, this.name);
			thread.setDaemon(true);
			return thread;
		});
		this.executor = started;
		return started;
	}

	/** Interrupts what runs and waits up to ten seconds for it to end. */
	public void stop() {
		ScheduledExecutorService running = this.executor;
		this.executor = null;
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

	/** The running thread's executor, or {@code null} when it is not running. */
	public ScheduledExecutorService running() {
		return this.executor;
	}

	public boolean isRunning() {
		return this.executor != null;
	}

}

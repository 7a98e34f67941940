package uk.gov.analyticalplatform.audit.internal;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * Runs the sequencer on one background thread: {@code linkDelay} after a transaction that
 * recorded events commits (so that a busy moment is linked in a few large batches rather
 * than one transaction per event), and every {@code chainInterval} for events other
 * replicas wrote; and signs a checkpoint every checkpoint interval when the chain has
 * grown. Failures are logged and tried again on the next tick; nothing is lost, since
 * events not yet linked stay above the watermark in the database.
 */
class AuditSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(AuditSchedule.class);

	private final AuditSequencer sequencer;

	private final Checkpoints checkpoints;

	private final Duration chainInterval;

	private final Duration linkDelay;

	private final Duration checkpointInterval;

	private final AtomicBoolean wakeQueued = new AtomicBoolean();

	private ScheduledExecutorService executor;

	AuditSchedule(AuditSequencer sequencer, Checkpoints checkpoints, Duration chainInterval, Duration linkDelay,
			Duration checkpointInterval) {
		this.sequencer = sequencer;
		this.checkpoints = checkpoints;
		this.chainInterval = chainInterval;
		this.linkDelay = linkDelay;
		this.checkpointInterval = checkpointInterval;
	}

	@Override
	public synchronized void start() {
		this.executor = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "audit-sequencer");
			thread.setDaemon(true);
			return thread;
		});
		this.sequencer.onWake(this::wake);
		this.executor.scheduleWithFixedDelay(this::link, 0, this.chainInterval.toMillis(), TimeUnit.MILLISECONDS);
		if (this.checkpoints.enabled()) {
			long every = this.checkpointInterval.toMillis();
			this.executor.scheduleWithFixedDelay(this::checkpoint, every, every, TimeUnit.MILLISECONDS);
		}
	}

	@Override
	public synchronized void stop() {
		this.sequencer.onWake(() -> {
		});
		this.executor.shutdown();
		try {
			this.executor.awaitTermination(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.executor = null;
	}

	@Override
	public synchronized boolean isRunning() {
		return this.executor != null;
	}

	private void wake() {
		ScheduledExecutorService current = this.executor;
		if (current != null && this.wakeQueued.compareAndSet(false, true)) {
			current.schedule(() -> {
				this.wakeQueued.set(false);
				link();
			}, this.linkDelay.toMillis(), TimeUnit.MILLISECONDS);
		}
	}

	private void link() {
		try {
			this.sequencer.linkAll();
		}
		catch (RuntimeException ex) {
			log.warn("Linking audit events failed; will try again", ex);
		}
	}

	private void checkpoint() {
		try {
			this.sequencer.linkAll();
			this.checkpoints.signHead();
		}
		catch (RuntimeException ex) {
			log.warn("Signing an audit checkpoint failed; will try again", ex);
		}
	}

}

package uk.gov.analyticalplatform.api.gate;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

/**
 * The last request time of every activity key the gate let through, kept in memory and
 * handed to each area in one batch every flush interval (and once more on shutdown): the
 * gate never writes to the database on a request's path. Every replica records what it
 * saw; areas keep the latest time.
 */
final class ActivityRecorder implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(ActivityRecorder.class);

	private final Map<String, GatedArea> areas;

	private final long flushMillis;

	private final ConcurrentMap<String, ConcurrentMap<String, Instant>> pending = new ConcurrentHashMap<>();

	private volatile ScheduledExecutorService flusher;

	ActivityRecorder(List<GatedArea> areas, long flushMillis) {
		this.areas = new HashMap<>();
		areas.forEach((area) -> this.areas.put(area.name(), area));
		this.flushMillis = flushMillis;
	}

	/** Notes a request; cheap and never blocking. */
	void record(GatedArea area, String key, Instant at) {
		this.pending.computeIfAbsent(area.name(), (name) -> new ConcurrentHashMap<>())
			.merge(key, at, (earlier, later) -> later.isAfter(earlier) ? later : earlier);
	}

	/** Hands every area what it saw since the last flush. */
	void flush() {
		this.pending.forEach((name, seen) -> {
			Map<String, Instant> batch = new HashMap<>();
			seen.forEach((key, at) -> {
				// removes only if no later request replaced it meanwhile
				if (seen.remove(key, at)) {
					batch.put(key, at);
				}
			});
			if (!batch.isEmpty()) {
				try {
					this.areas.get(name).recordActivity(batch);
				}
				catch (RuntimeException ex) {
					log.warn("Could not record the activity of {} {}; keeping it for the next flush", batch.size(),
							name, ex);
					batch.forEach((key, at) -> seen.merge(key, at, (a, b) -> a.isAfter(b) ? a : b));
				}
			}
		});
	}

	@Override
	public void start() {
		ScheduledExecutorService started = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "gate-activity");
			thread.setDaemon(true);
			return thread;
		});
		started.scheduleWithFixedDelay(this::flush, this.flushMillis, this.flushMillis, TimeUnit.MILLISECONDS);
		this.flusher = started;
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.flusher;
		this.flusher = null;
		if (running != null) {
			running.shutdown();
			try {
				running.awaitTermination(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			flush();
		}
	}

	@Override
	public boolean isRunning() {
		return this.flusher != null;
	}

}

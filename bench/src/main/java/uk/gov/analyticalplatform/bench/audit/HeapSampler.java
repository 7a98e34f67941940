package uk.gov.analyticalplatform.bench.audit;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Samples the used heap every 20 ms and keeps the peak, to show that a streaming task
 * stays flat.
 */
final class HeapSampler {

	private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

	private final AtomicLong peak = new AtomicLong();

	private HeapSampler() {
	}

	static HeapSampler start() {
		System.gc();
		HeapSampler sampler = new HeapSampler();
		MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
		sampler.executor.scheduleAtFixedRate(
				() -> sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 20,
				TimeUnit.MILLISECONDS);
		return sampler;
	}

	long stop() {
		this.executor.shutdownNow();
		return this.peak.get();
	}

}

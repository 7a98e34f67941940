package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Pod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.SmartLifecycle;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects.Subscription;
import uk.gov.analyticalplatform.reconcile.OnePerKey;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;

/**
 * Keeps each instance's observed phase up to date from its pods: a watch on the
 * platform's pods reports every change by instance, and the instance's pods are read and
 * turned into a phase ({@link PodStates}). A start that reaches READY or FAILED frees its
 * slot of the start limit and the next queued starts are made due.
 */
class InstanceObserver implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(InstanceObserver.class);

	private final InstanceRows rows;

	private final KubernetesObjects objects;

	private final int startLimit;

	static final Duration RETRY = Duration.ofSeconds(30);

	/** Threads that read pods and record what they say. */
	static final int WORKERS = 4;

	private final boolean enabled;

	private volatile Subscription watch;

	private volatile ScheduledExecutorService retries;

	private volatile ExecutorService workers;

	private final Set<String> pending = ConcurrentHashMap.newKeySet();

	/** The instances being observed, each by one thread at a time. */
	private final OnePerKey<UUID> observing = new OnePerKey<>();

	InstanceObserver(InstanceRows rows, KubernetesObjects objects, int startLimit, boolean enabled) {
		this.rows = rows;
		this.objects = objects;
		this.startLimit = startLimit;
		this.enabled = enabled;
	}

	/**
	 * Reads the instance's pods and records what they say. Never on two threads at once
	 * for one instance (the apply's thread, the watch's workers): one that asks while
	 * another reads has that one read again when it is done, so the phase last written
	 * was read after the last change either saw. Without this, a read made before a pod's
	 * deletion could be written after the deletion's own read, and an instance stopped
	 * stayed STOPPING with nothing left to tell it otherwise.
	 */
	void refresh(UUID id) {
		this.observing.work(id, () -> observe(id));
	}

	private void observe(UUID id) {
		Optional<InstanceRow> found = this.rows.find(id);
		if (found.isEmpty()) {
			return;
		}
		InstanceRow row = found.get();
		// a start still queued has no pods to read; one that failed (its slot freed) is
		// still watched, so that a pod scheduled after all makes it READY
		if (row.wantsRunning() && row.admittedAt() == null && row.phase() == InstancePhase.PENDING) {
			return;
		}
		// from the pod watch's own cache when it runs (it reported this change, or the
		// apply just made the objects): no API call per pod event
		Subscription watching = this.watch;
		List<Pod> pods = (watching != null) ? watching.owned(Pod.class, InstanceApplier.instanceOwner(row))
				: this.objects.owned(Pod.class, InstanceApplier.instanceOwner(row));
		PodStates.Observation seen = PodStates.of(pods, row.wantsRunning());
		InstancePhase phase = (seen.phase() == InstancePhase.STOPPED && row.idledAt() != null) ? InstancePhase.IDLED
				: seen.phase();
		this.rows.observe(id, phase, seen.step(), seen.reason(), seen.image(), PodStates.role(pods));
		if ((phase == InstancePhase.READY || phase == InstancePhase.FAILED) && this.rows.releaseSlot(id)) {
			startNext();
		}
	}

	/** Makes the longest-waiting queued starts due, one for each free slot. */
	void startNext() {
		for (UUID next : this.rows.queued(this.startLimit)) {
			this.rows.status().requeue(next);
		}
	}

	/**
	 * Called on the watch's thread (the Kubernetes client's event loop, which must never
	 * block): queues one refresh of the instance on the observer's own threads,
	 * coalescing the events that arrive before it runs.
	 */
	private void changed(String instance) {
		ExecutorService workers = this.workers;
		if (workers != null && this.pending.add(instance)) {
			workers.execute(() -> {
				this.pending.remove(instance);
				try {
					refresh(UUID.fromString(instance));
				}
				catch (RuntimeException ex) {
					log.warn("Could not observe tool instance {}: {}", instance, Reasons.of(ex));
				}
			});
		}
	}

	/**
	 * Starts the watch; while the cluster cannot be reached, tries again every
	 * {@link #RETRY} without holding up the application.
	 */
	@Override
	public void start() {
		AtomicInteger count = new AtomicInteger();
		this.workers = Executors.newFixedThreadPool(WORKERS, (task) -> {
			Thread thread = new Thread(task, "tool-observer-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.retries = Executors.newSingleThreadScheduledExecutor((task) -> {
			Thread thread = new Thread(task, "tool-pod-watch");
			thread.setDaemon(true);
			return thread;
		});
		this.retries.execute(this::watch);
	}

	private void watch() {
		try {
			this.watch = this.objects.watch(List.of(Pod.class), ToolManifests.INSTANCE_LABEL, this::changed);
		}
		catch (RuntimeException ex) {
			log.warn("Cannot watch tool pods yet, trying again in {}: {}", RETRY, Reasons.of(ex));
			ScheduledExecutorService running = this.retries;
			if (running != null && !running.isShutdown()) {
				running.schedule(this::watch, RETRY.toMillis(), TimeUnit.MILLISECONDS);
			}
		}
	}

	@Override
	public void stop() {
		ScheduledExecutorService running = this.retries;
		this.retries = null;
		if (running != null) {
			running.shutdownNow();
		}
		Subscription watching = this.watch;
		this.watch = null;
		if (watching != null) {
			watching.close();
		}
		ExecutorService observing = this.workers;
		this.workers = null;
		if (observing != null) {
			observing.shutdownNow();
		}
	}

	@Override
	public boolean isRunning() {
		return this.retries != null;
	}

	@Override
	public boolean isAutoStartup() {
		return this.enabled;
	}

}

package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import uk.gov.analyticalplatform.reconcile.ChangeFeed;
import uk.gov.analyticalplatform.reconcile.OnePerKey;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstance.Wanted;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceChanges;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * The replica's followers of instances, fed by the change feed's channel
 * {@value #CHANNEL} (a trigger on {@code tool_instances} notifies it in the transaction
 * of every status change, on whichever replica): an instance notified is read once, on
 * one of {@link #THREADS} threads of its own, and handed to everyone who follows it here;
 * {@code queue} re-reads the queued instances followed (their places moved), and a
 * session the feed lost every instance followed.
 */
class InstanceWatches implements ToolInstanceChanges, ChangeFeed.Subscriber, AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(InstanceWatches.class);

	static final String CHANNEL = "tool_instances";

	static final String QUEUE = "queue";

	static final int THREADS = 2;

	private final InstanceRows rows;

	private final Function<InstanceRow, ToolInstance> view;

	private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();

	/** The instances followed that were queued when last read. */
	private final Set<UUID> queued = ConcurrentHashMap.newKeySet();

	private final Set<UUID> pending = ConcurrentHashMap.newKeySet();

	private final OnePerKey<UUID> reading = new OnePerKey<>();

	private final ExecutorService readers;

	private final ChangeFeed.Subscription subscription;

	InstanceWatches(ChangeFeed feed, InstanceRows rows, Function<InstanceRow, ToolInstance> view) {
		this.rows = rows;
		this.view = view;
		AtomicInteger count = new AtomicInteger();
		this.readers = Executors.newFixedThreadPool(THREADS, (task) -> {
			Thread thread = new Thread(task, "tool-watch-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
		this.subscription = feed.subscribe(CHANNEL, this);
	}

	@Override
	public Watch follow(ToolUser user, UUID id, Watcher watcher) {
		this.rows.find(id)
			.filter((row) -> row.userId().equals(user.userId()) && row.desired() != Wanted.DELETED)
			.orElseThrow(() -> new ToolInstanceNotFound(id));
		// added and removed under the map's lock of the key: never into a set just
		// dropped
		this.watchers.compute(id, (key, set) -> {
			Set<Watcher> following = (set != null) ? set : new CopyOnWriteArraySet<>();
			following.add(watcher);
			return following;
		});
		read(id);
		return () -> unfollow(id, watcher);
	}

	/** How many watches are open on this replica. */
	int following() {
		return this.watchers.values().stream().mapToInt(Set::size).sum();
	}

	@Override
	public void changed(List<String> payloads) {
		for (String payload : payloads) {
			if (QUEUE.equals(payload)) {
				this.queued.forEach(this::read);
			}
			else {
				parse(payload).filter(this.watchers::containsKey).ifPresent(this::read);
			}
		}
	}

	@Override
	public void missed() {
		this.watchers.keySet().forEach(this::read);
	}

	/** Reads the instance on a reader's thread, coalescing the asks that come before. */
	private void read(UUID id) {
		if (this.pending.add(id)) {
			this.readers.execute(() -> {
				this.pending.remove(id);
				this.reading.work(id, () -> tell(id));
			});
		}
	}

	private void tell(UUID id) {
		Set<Watcher> following = this.watchers.get(id);
		if (following == null || following.isEmpty()) {
			return;
		}
		Optional<ToolInstance> now;
		try {
			now = this.rows.find(id).map(this.view);
		}
		catch (RuntimeException ex) {
			log.warn("Could not read tool instance {} for those who follow it: {}", id, Reasons.of(ex));
			return;
		}
		if (now.isPresent() && now.get().queuePosition() > 0) {
			this.queued.add(id);
		}
		else {
			this.queued.remove(id);
		}
		for (Watcher watcher : following) {
			try {
				if (now.isPresent()) {
					watcher.changed(now.get());
				}
				else {
					unfollow(id, watcher);
					watcher.gone();
				}
			}
			catch (RuntimeException ex) {
				log.debug("A follower of tool instance {} failed", id, ex);
			}
		}
	}

	private void unfollow(UUID id, Watcher watcher) {
		this.watchers.computeIfPresent(id, (key, set) -> {
			set.remove(watcher);
			return set.isEmpty() ? null : set;
		});
		if (!this.watchers.containsKey(id)) {
			this.queued.remove(id);
		}
	}

	private static Optional<UUID> parse(String payload) {
		try {
			return Optional.of(UUID.fromString(payload));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	@Override
	public void close() {
		this.subscription.close();
		this.readers.shutdownNow();
	}

}

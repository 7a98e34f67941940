package uk.gov.analyticalplatform.reconcile;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A reconciler over an in-memory world: each key has a desired generation and an applied
 * one; a key is due while they differ. Keys can be made to fail, and something can happen
 * while a key is being applied.
 */
class FakeReconciler implements Reconciler<String> {

	private final Map<String, Long> desired = new TreeMap<>();

	private final Map<String, Long> applied = new TreeMap<>();

	final List<String> reconciled = new CopyOnWriteArrayList<>();

	final List<String> threads = new CopyOnWriteArrayList<>();

	final Set<String> failing = ConcurrentHashMap.newKeySet();

	volatile boolean failuresEndPasses;

	volatile RuntimeException dueFails;

	volatile Consumer<String> whileApplying = (key) -> {
	};

	volatile int orphans;

	synchronized void bump(String key) {
		this.desired.merge(key, 1L, Long::sum);
	}

	synchronized boolean upToDate(String key) {
		return this.desired.get(key).equals(this.applied.get(key));
	}

	@Override
	public synchronized List<String> due(int limit) {
		if (this.dueFails != null) {
			throw this.dueFails;
		}
		return this.desired.keySet().stream().filter((key) -> !upToDate(key)).limit(limit).toList();
	}

	@Override
	public synchronized List<String> all() {
		return new ArrayList<>(this.desired.keySet());
	}

	@Override
	public Outcome reconcile(String key) {
		this.reconciled.add(key);
		this.threads.add(Thread.currentThread().getName());
		long generation;
		synchronized (this) {
			generation = this.desired.get(key);
		}
		this.whileApplying.accept(key);
		if (this.failing.contains(key)) {
			throw new IllegalStateException("cannot apply " + key);
		}
		synchronized (this) {
			Long before = this.applied.put(key, generation);
			return (before == null) ? Outcome.CREATED : (before == generation) ? Outcome.NOOP : Outcome.PATCHED;
		}
	}

	@Override
	public int prune() {
		int pruned = this.orphans;
		this.orphans = 0;
		return pruned;
	}

	@Override
	public boolean endsPass(RuntimeException failure) {
		return this.failuresEndPasses;
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Work on keys from any number of threads, never one key on two threads at once and never
 * a hand-in lost: a key handed in while a thread works it is worked once more by that
 * thread when it is done. Work that reads the latest state (the database, a watch's
 * cache) and writes a decision is so level-triggered: the last decision written for a key
 * was made from state read after the last hand-in, whatever order the hand-ins came in.
 * The {@link ReconcileLoop}'s workers use it; so does any reader of a watch that writes
 * what it saw.
 *
 * @param <K> the key type
 */
public final class OnePerKey<K> {

	/** Keys being worked; {@code true} where the key was handed in again meanwhile. */
	private final Map<K, Boolean> busy = new ConcurrentHashMap<>();

	/**
	 * Works the key on this thread, and again for as long as it is handed in again
	 * meanwhile; when another thread works it, has that thread work it once more and
	 * returns at once. A failure of the work is thrown once no hand-in is left (one that
	 * came meanwhile is worked first: it may succeed and supersede the failure).
	 * @param key the key
	 * @param work reads the latest state of the key and acts on it
	 * @return whether this thread worked the key
	 */
	public boolean work(K key, Runnable work) {
		if (!claim(key)) {
			return false;
		}
		boolean released = false;
		try {
			while (true) {
				RuntimeException failure = null;
				try {
					work.run();
				}
				catch (RuntimeException ex) {
					failure = ex;
				}
				if (releaseUnlessAgain(key)) {
					released = true;
					if (failure != null) {
						throw failure;
					}
					return true;
				}
			}
		}
		finally {
			if (!released) {
				release(key);
			}
		}
	}

	/** Whether a thread works the key now. */
	public boolean isBusy(K key) {
		return this.busy.containsKey(key);
	}

	/**
	 * Claims the key for the calling thread; when another thread has it, marks it to be
	 * worked once more by that thread instead.
	 * @return whether the caller now has the key
	 */
	boolean claim(K key) {
		boolean[] claimed = { false };
		this.busy.compute(key, (k, again) -> {
			claimed[0] = (again == null);
			return claimed[0] ? Boolean.FALSE : Boolean.TRUE;
		});
		return claimed[0];
	}

	/**
	 * Releases the key unless it was handed in again while claimed, in which case the
	 * mark is cleared and the caller keeps the key to work it once more.
	 * @return whether the key was released
	 */
	boolean releaseUnlessAgain(K key) {
		return this.busy.compute(key, (k, again) -> again ? Boolean.FALSE : null) == null;
	}

	/**
	 * Releases the key, dropping any hand-in meanwhile (left to whoever hands it in
	 * next).
	 */
	void release(K key) {
		this.busy.remove(key);
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.transaction.support.TransactionOperations;

/**
 * A {@link Reconciler} whose keys' status lives in a {@link StatusRows} table: due and
 * every key come from the table; reconciling a key reads its row, marks it
 * {@code APPLYING} unless it is believed applied (a resync of a ready key leaves it
 * {@code READY} unless drift is found), lets the {@link Applier} apply the desired state,
 * and records {@code READY} for the generation read, in one transaction with what the
 * applier records alongside. A failure becomes {@code FAILED} with its reason and a
 * backoff, and is rethrown for the loop to count.
 *
 * @param <K> the key type
 */
public class TrackedReconciler<K> implements Reconciler<K> {

	private final StatusRows<K> rows;

	private final Applier<K> applier;

	private final Backoff backoff;

	private final TransactionOperations transactions;

	public TrackedReconciler(StatusRows<K> rows, Applier<K> applier, Backoff backoff,
			TransactionOperations transactions) {
		this.rows = rows;
		this.applier = applier;
		this.backoff = backoff;
		this.transactions = transactions;
	}

	@Override
	public List<K> due(int limit) {
		return this.rows.due(limit);
	}

	@Override
	public List<K> all() {
		return this.rows.all();
	}

	/** Reconciles the key; a key without a status row has nothing desired: NOOP. */
	@Override
	public Outcome reconcile(K key) {
		Optional<StatusRow<K>> found = this.rows.find(key);
		if (found.isEmpty()) {
			return Outcome.NOOP;
		}
		StatusRow<K> row = found.get();
		try {
			if (!row.believedApplied()) {
				this.rows.applying(key);
			}
			Applied applied = this.applier.apply(row);
			this.transactions.executeWithoutResult((tx) -> {
				this.rows.ready(key, row.generation());
				applied.alongside().run();
			});
			return applied.outcome();
		}
		catch (RuntimeException ex) {
			this.rows.failed(key, row.generation(), Reasons.of(ex), this.backoff);
			throw ex;
		}
	}

	@Override
	public long backlog() {
		return this.rows.dueCount();
	}

	@Override
	public Map<ApplyState, Long> states() {
		return this.rows.countByState();
	}

	@Override
	public int prune() {
		return this.applier.prune();
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one pass of a {@link ReconcileLoop} did: how many keys came to each
 * {@link Outcome}, how many failed, and how many orphans a resync pruned.
 *
 * @param outcomes keys reconciled, by outcome (every outcome present, zero or more)
 * @param failures keys whose reconcile failed
 * @param pruned orphans deleted after a resync
 */
public record Pass(Map<Outcome, Integer> outcomes, int failures, int pruned) {

	public Pass {
		EnumMap<Outcome, Integer> all = new EnumMap<>(Outcome.class);
		for (Outcome outcome : Outcome.values()) {
			all.put(outcome, outcomes.getOrDefault(outcome, 0));
		}
		outcomes = Collections.unmodifiableMap(all);
	}

	/** A pass that did nothing, such as one on a replica that does not lead. */
	public static Pass none() {
		return new Pass(Map.of(), 0, 0);
	}

	public int count(Outcome outcome) {
		return this.outcomes.get(outcome);
	}

	/** Keys reconciled, failed ones included. */
	public int reconciled() {
		return this.outcomes.values().stream().mapToInt(Integer::intValue).sum() + this.failures;
	}

	/** Everything the pass checked: keys reconciled and orphans pruned. */
	public int checked() {
		return reconciled() + this.pruned;
	}

	/** This pass and another, added up. */
	public Pass plus(Pass other) {
		EnumMap<Outcome, Integer> sum = new EnumMap<>(this.outcomes);
		other.outcomes.forEach((outcome, count) -> sum.merge(outcome, count, Integer::sum));
		return new Pass(sum, this.failures + other.failures, this.pruned + other.pruned);
	}

}

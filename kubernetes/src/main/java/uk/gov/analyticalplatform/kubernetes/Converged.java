package uk.gov.analyticalplatform.kubernetes;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import uk.gov.analyticalplatform.reconcile.Outcome;

/**
 * What converging an owner's objects did, object by object, in the order it did it:
 * desired objects first, then the ones it pruned.
 *
 * @param outcomes each object touched and what happened to it
 */
public record Converged(Map<ObjectRef, Outcome> outcomes) {

	public Converged {
		outcomes = Collections.unmodifiableMap(new LinkedHashMap<>(outcomes));
	}

	/** Whether anything in the cluster was written. */
	public boolean changed() {
		return this.outcomes.values().stream().anyMatch(Outcome::changed);
	}

	/** How many objects had this outcome. */
	public long count(Outcome outcome) {
		return this.outcomes.values().stream().filter(outcome::equals).count();
	}

	/** The outcome for one object, or {@code null} if it was not touched. */
	public Outcome outcome(ObjectRef object) {
		return this.outcomes.get(object);
	}

	/** The whole result as one outcome: NOOP, or the strongest change made. */
	public Outcome summary() {
		for (Outcome outcome : new Outcome[] { Outcome.DELETED, Outcome.REPLACED, Outcome.CREATED, Outcome.PATCHED }) {
			if (count(outcome) > 0) {
				return outcome;
			}
		}
		return Outcome.NOOP;
	}

}

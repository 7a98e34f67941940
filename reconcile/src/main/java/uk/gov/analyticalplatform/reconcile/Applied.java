package uk.gov.analyticalplatform.reconcile;

/**
 * What an {@link Applier} did for one key, and what to record about it in the same
 * transaction that marks the key {@code READY} (what the world reported back, an audit
 * event for drift it corrected).
 *
 * @param outcome what applying did to the world
 * @param alongside what to write in the transaction that records the key ready
 */
public record Applied(Outcome outcome, Runnable alongside) {

	/** Applying did {@code outcome}, with nothing to record besides the status. */
	public static Applied of(Outcome outcome) {
		return new Applied(outcome, () -> {
		});
	}

	/** Applying did {@code outcome}; {@code alongside} records what came of it. */
	public static Applied of(Outcome outcome, Runnable alongside) {
		return new Applied(outcome, alongside);
	}

}

package uk.gov.analyticalplatform.reconcile;

import java.time.Duration;

/**
 * Exponential backoff between attempts at something that failed: {@code base} after the
 * first failure, doubled after each further one, never more than {@code max}.
 *
 * @param base the wait after a first failure
 * @param max the longest wait
 */
public record Backoff(Duration base, Duration max) {

	public Backoff {
		if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
			throw new IllegalArgumentException("Backoff needs 0 < base <= max, not " + base + " and " + max);
		}
	}

	/**
	 * How long to wait after a failure.
	 * @param earlierFailures how many attempts failed before this one
	 */
	public Duration delay(int earlierFailures) {
		return delay(earlierFailures, this.base, this.max);
	}

	/**
	 * How long to wait after a failure: {@code base} after the first, doubled after each
	 * further one, never more than {@code max}.
	 * @param earlierFailures how many attempts failed before this one
	 */
	public static Duration delay(int earlierFailures, Duration base, Duration max) {
		Duration delay = base.multipliedBy(1L << Math.min(Math.max(earlierFailures, 0), 20));
		return (delay.compareTo(max) > 0) ? max : delay;
	}

}

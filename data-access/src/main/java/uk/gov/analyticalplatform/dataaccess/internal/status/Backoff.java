package uk.gov.analyticalplatform.dataaccess.internal.status;

import java.time.Duration;

/** Exponential backoff between attempts at something that failed. */
public final class Backoff {

	private Backoff() {
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

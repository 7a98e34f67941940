package uk.gov.analyticalplatform.identity;

import java.time.Duration;

/**
 * A refusal that passes with time (a throttle or a lock): the caller may try again after
 * {@link #retryAfter()}, and not before.
 */
public interface TemporarilyRefused {

	/** How long from now the refusal lasts; at least one second. */
	Duration retryAfter();

	/**
	 * A wait in words, such as "2 minutes", rounded up to whole minutes past a minute.
	 */
	static String inWords(Duration wait) {
		long seconds = Math.max(1, wait.toSeconds());
		if (seconds < 60) {
			return seconds + ((seconds == 1) ? " second" : " seconds");
		}
		long minutes = (seconds + 59) / 60;
		return minutes + ((minutes == 1) ? " minute" : " minutes");
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * Which data-flow events to show; every part may be {@code null} for any.
 *
 * @param principal a user, app or pipeline name
 * @param pathPrefix a folder of the dataset, such as {@code raw/}
 * @param direction {@code READ}, {@code WRITE}, {@code LIST} or {@code OTHER}
 * @param from the earliest time, inclusive
 * @param to the latest time, exclusive
 * @param limit the most events (1 to 10,000; 500 when 0)
 */
public record FlowFilter(String principal, String pathPrefix, String direction, Instant from, Instant to, int limit) {

	public FlowFilter {
		limit = (limit <= 0) ? 500 : Math.min(limit, 10_000);
	}

	public static FlowFilter any() {
		return new FlowFilter(null, null, null, null, null, 0);
	}

}

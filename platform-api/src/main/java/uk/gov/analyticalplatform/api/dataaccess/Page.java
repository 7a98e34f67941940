package uk.gov.analyticalplatform.api.dataaccess;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import uk.gov.analyticalplatform.dataaccess.DataAccessException;

/**
 * One page of a list, and the opaque cursor of the next page ({@code null} on the last).
 * A cursor holds the sort key of the last item shown, so a page follows on correctly when
 * items come and go between requests.
 *
 * @param <T> the items
 * @param items the items of this page
 * @param nextCursor pass as {@code cursor} for the next page; {@code null} when there is
 * none
 */
record Page<T>(List<T> items, String nextCursor) {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	/**
	 * The page after {@code cursor} of {@code all}, ordered by a key that is unique per
	 * item, ascending or descending.
	 */
	static <S, T> Page<T> of(List<S> all, Function<S, String> key, boolean descending, String cursor, int limit,
			Function<S, T> view) {
		if (limit < 1 || limit > MAX_LIMIT) {
			throw new InvalidPage("The limit is between 1 and " + MAX_LIMIT + ", not " + limit);
		}
		Comparator<String> order = descending ? Comparator.reverseOrder() : Comparator.naturalOrder();
		String after = decode(cursor);
		List<S> remaining = all.stream()
			.sorted(Comparator.comparing(key, order))
			.filter((item) -> after == null || order.compare(key.apply(item), after) > 0)
			.limit(limit + 1L)
			.toList();
		List<S> shown = remaining.subList(0, Math.min(limit, remaining.size()));
		String next = (remaining.size() > limit) ? encode(key.apply(shown.get(shown.size() - 1))) : null;
		return new Page<>(shown.stream().map(view).toList(), next);
	}

	/** A sort key for items ordered by time, then id: sortable as text. */
	static String timeKey(Instant at, UUID id) {
		return String.format("%020d%09d:%s", at.getEpochSecond(), at.getNano(), id);
	}

	private static String encode(String key) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
	}

	private static String decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		try {
			return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidPage("The cursor is not one this API gave out");
		}
	}

	/** A cursor or limit the API cannot use. */
	static class InvalidPage extends DataAccessException {

		InvalidPage(String message) {
			super(Kind.INVALID, message);
		}

	}

}

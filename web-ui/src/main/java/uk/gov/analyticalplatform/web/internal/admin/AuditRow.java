package uk.gov.analyticalplatform.web.internal.admin;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import uk.gov.analyticalplatform.audit.AuditRecord;

/**
 * One audit event as the audit page shows it: the time in the installation's zone to the
 * second, the target by name, the details as a summary list. Built with no I/O: names of
 * users come from the lookup given.
 *
 * @param when the time, such as "6 December 2026 16:04:01 GMT"
 * @param isoWhen the exact time, for the {@code datetime} attribute
 * @param seq the chain position, or {@code null} while the event waits to be linked
 * @param actor who did it
 * @param actorIp their address, if recorded
 * @param action the dotted verb
 * @param target the target's name in words
 * @param targetType the target's type
 * @param details the particulars, one row each
 */
record AuditRow(String when, String isoWhen, Long seq, String actor, String actorIp, String action, String target,
		String targetType, List<Detail> details) {

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm:ss z", Locale.UK);

	/**
	 * @param event the event as recorded
	 * @param zone the zone to show times in
	 * @param usernames a user's username by id, where the user still exists
	 */
	static AuditRow of(AuditRecord event, ZoneId zone, Function<UUID, Optional<String>> usernames) {
		Map<String, Object> details = event.details();
		List<Detail> rows = new ArrayList<>();
		details.forEach((key, value) -> rows.add(new Detail(label(key), text(value))));
		rows.add(new Detail("Target id", event.targetId()));
		return new AuditRow(WHEN.format(event.occurredAt().atZone(zone)), event.occurredAt().toString(), event.seq(),
				event.actorUsername(), event.actorIp(), event.action(), target(event, usernames), event.targetType(),
				rows);
	}

	/** The target in words, falling back on its type and id. */
	static String target(AuditRecord event, Function<UUID, Optional<String>> usernames) {
		Map<String, Object> details = event.details();
		return switch (event.targetType()) {
			case "user" -> uuid(event.targetId()).flatMap(usernames)
				.or(() -> Optional.ofNullable(string(details, "username")))
				.orElse("User " + event.targetId());
			case "dataset" -> named("Dataset", string(details, "dataset", "name"), event);
			case "group" -> named("Group", string(details, "group", "name"), event);
			case "grant" -> "Access to " + orId(string(details, "dataset"), event) + " for "
					+ orId(string(details, "principal", "principalId"), event);
			case "access_request" -> "Request by " + orId(string(details, "requester"), event) + " for "
					+ orId(string(details, "dataset"), event);
			case "api_token" -> named("API token", string(details, "name"), event);
			case "iam_role" -> "IAM role " + event.targetId();
			case "audit_log" -> "The audit log";
			default -> event.targetType() + " " + event.targetId();
		};
	}

	/** A camelCase key in words: {@code recentFailures} is "Recent failures". */
	static String label(String key) {
		String words = key.replaceAll("([a-z0-9])([A-Z])", "$1 $2").replace('_', ' ').toLowerCase(Locale.UK);
		return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
	}

	/**
	 * A detail's value in words: lists joined, maps as key: value pairs, none as "None".
	 */
	static String text(Object value) {
		if (value == null) {
			return "None";
		}
		if (value instanceof Collection<?> items) {
			return items.isEmpty() ? "None" : items.stream().map(AuditRow::text).collect(Collectors.joining(", "));
		}
		if (value instanceof Map<?, ?> map) {
			return map.isEmpty() ? "None"
					: map.entrySet()
						.stream()
						.map((entry) -> label(String.valueOf(entry.getKey())) + ": " + text(entry.getValue()))
						.collect(Collectors.joining("; "));
		}
		return String.valueOf(value);
	}

	private static String named(String kind, String name, AuditRecord event) {
		return kind + " " + ((name != null) ? name : event.targetId());
	}

	private static String orId(String name, AuditRecord event) {
		return (name != null) ? name : event.targetId();
	}

	private static String string(Map<String, Object> details, String... keys) {
		for (String key : keys) {
			Object value = details.get(key);
			if (value != null && !String.valueOf(value).isBlank()) {
				return String.valueOf(value);
			}
		}
		return null;
	}

	private static Optional<UUID> uuid(String id) {
		try {
			return Optional.of(UUID.fromString(id));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	/**
	 * @param key what it is
	 * @param value its value in words
	 */
	record Detail(String key, String value) {

	}

}

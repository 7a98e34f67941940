package uk.gov.analyticalplatform.web.internal.admin;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.web.util.UriComponentsBuilder;

import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * The audit page's filter as typed: every member may be blank. The dates are whole days
 * in the installation's zone, both included.
 *
 * @param actor the actor's username
 * @param action a prefix of the action
 * @param targetType the target's type
 * @param targetId the target's id
 * @param fromDay first day's day
 * @param fromMonth its month
 * @param fromYear its year
 * @param toDay last day's day
 * @param toMonth its month
 * @param toYear its year
 */
record AuditFilterForm(String actor, String action, String targetType, String targetId, String fromDay,
		String fromMonth, String fromYear, String toDay, String toMonth, String toYear) {

	AuditFilterForm {
		actor = strip(actor);
		action = strip(action);
		targetType = strip(targetType);
		targetId = strip(targetId);
		fromDay = strip(fromDay);
		fromMonth = strip(fromMonth);
		fromYear = strip(fromYear);
		toDay = strip(toDay);
		toMonth = strip(toMonth);
		toYear = strip(toYear);
	}

	static AuditFilterForm empty() {
		return new AuditFilterForm(null, null, null, null, null, null, null, null, null, null);
	}

	/**
	 * The query this filter asks for; a date that is not a real one, or a range that ends
	 * before it starts, adds an error (on {@code from-day} or {@code to-day}) and is left
	 * out.
	 */
	AuditQuery query(ZoneId zone, FormErrors errors) {
		LocalDate from = date(this.fromDay, this.fromMonth, this.fromYear, "from-day", "The first day", errors);
		LocalDate to = date(this.toDay, this.toMonth, this.toYear, "to-day", "The last day", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.add("to-day", "The last day must be the same as or after the first day");
			to = null;
		}
		Instant start = (from != null) ? from.atStartOfDay(zone).toInstant() : null;
		Instant end = (to != null) ? to.plusDays(1).atStartOfDay(zone).toInstant() : null;
		return new AuditQuery(blankToNull(this.actor), blankToNull(this.action), blankToNull(this.targetType),
				blankToNull(this.targetId), start, end);
	}

	/** The filter's fields that are not blank, as query parameters. */
	Map<String, String> parameters() {
		Map<String, String> parameters = new LinkedHashMap<>();
		put(parameters, "actor", this.actor);
		put(parameters, "action", this.action);
		put(parameters, "targetType", this.targetType);
		put(parameters, "targetId", this.targetId);
		put(parameters, "fromDay", this.fromDay);
		put(parameters, "fromMonth", this.fromMonth);
		put(parameters, "fromYear", this.fromYear);
		put(parameters, "toDay", this.toDay);
		put(parameters, "toMonth", this.toMonth);
		put(parameters, "toYear", this.toYear);
		return parameters;
	}

	/** A link to {@code path} with this filter, and more parameters if given. */
	String link(String path, Map<String, ?> more) {
		UriComponentsBuilder link = UriComponentsBuilder.fromPath(path);
		parameters().forEach(link::queryParam);
		more.forEach(link::queryParam);
		return link.encode().build().toUriString();
	}

	private static LocalDate date(String day, String month, String year, String field, String label,
			FormErrors errors) {
		if (day.isEmpty() && month.isEmpty() && year.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.of(Integer.parseInt(year), Integer.parseInt(month), Integer.parseInt(day));
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.add(field, label + " must be a real date, such as 6 12 2026");
			return null;
		}
	}

	private static void put(Map<String, String> parameters, String name, String value) {
		if (!value.isEmpty()) {
			parameters.put(name, value);
		}
	}

	private static String blankToNull(String value) {
		return value.isEmpty() ? null : value;
	}

	private static String strip(String value) {
		return (value != null) ? value.strip() : "";
	}

}

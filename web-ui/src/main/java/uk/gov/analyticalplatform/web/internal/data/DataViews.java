package uk.gov.analyticalplatform.web.internal.data;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.reconcile.ApplyState;

/**
 * How the data pages write levels, paths, times and states, used from templates as
 * {@code @dataViews}.
 */
@Component("dataViews")
public class DataViews {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK)
		.withZone(ZoneOffset.UTC);

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMMM yyyy HH:mm 'UTC'", Locale.UK)
		.withZone(ZoneOffset.UTC);

	public String level(AccessLevel level) {
		return level.label();
	}

	public String paths(List<PathAccess> paths) {
		return PathAccess.describe(paths);
	}

	public String day(Instant instant) {
		return (instant != null) ? DAY.format(instant) : "";
	}

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** The expiry, or "No end date". */
	public String expiry(Instant instant) {
		return (instant != null) ? "Until " + TIME.format(instant) : "No end date";
	}

	public String principal(Principal principal) {
		return switch (principal.type()) {
			case USER -> principal.name();
			case APP -> "App " + principal.name();
			case GROUP -> "Group " + ((principal.name() != null) ? principal.name() : principal.id());
		};
	}

	/** The GOV.UK tag colour for a request's state. */
	public String requestTag(AccessRequestState state) {
		return switch (state) {
			case PENDING -> "govuk-tag--blue";
			case APPROVED -> "govuk-tag--green";
			case REJECTED -> "govuk-tag--red";
			case WITHDRAWN, EXPIRED -> "govuk-tag--grey";
		};
	}

	/** The GOV.UK tag colour for an apply state. */
	public String applyTag(ApplyState state) {
		return switch (state) {
			case READY -> "govuk-tag--green";
			case APPLYING -> "govuk-tag--light-blue";
			case PENDING -> "govuk-tag--yellow";
			case FAILED -> "govuk-tag--red";
		};
	}

	public String bytes(long bytes) {
		if (bytes < 1024) {
			return bytes + " bytes";
		}
		double value = bytes;
		String[] units = { "KB", "MB", "GB", "TB" };
		int unit = -1;
		while (value >= 1024 && unit < units.length - 1) {
			value /= 1024;
			unit++;
		}
		return String.format(Locale.UK, "%.1f %s", value, units[unit]);
	}

}

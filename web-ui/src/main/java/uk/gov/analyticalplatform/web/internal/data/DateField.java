package uk.gov.analyticalplatform.web.internal.data;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import uk.gov.analyticalplatform.web.internal.support.FormErrors;

/**
 * A GOV.UK date input (day, month, year) that may be left empty. A date means "until the
 * end of that day", in UTC.
 *
 * @param day as typed
 * @param month as typed
 * @param year as typed
 */
record DateField(String day, String month, String year) {

	DateField {
		day = (day != null) ? day.strip() : "";
		month = (month != null) ? month.strip() : "";
		year = (year != null) ? year.strip() : "";
	}

	static DateField empty() {
		return new DateField("", "", "");
	}

	boolean blank() {
		return this.day.isEmpty() && this.month.isEmpty() && this.year.isEmpty();
	}

	/**
	 * The end of the day entered, or {@code null} when left empty; adds an error for the
	 * field (its day input's id is {@code field + "-day"}) when it is not a real date in
	 * the future.
	 */
	Instant endOfDay(String field, String label, LocalDate today, FormErrors errors) {
		if (blank()) {
			return null;
		}
		LocalDate date;
		try {
			date = LocalDate.of(Integer.parseInt(this.year), Integer.parseInt(this.month), Integer.parseInt(this.day));
		}
		catch (NumberFormatException | DateTimeException ex) {
			errors.add(field + "-day", label + " must be a real date, such as 31 3 2027");
			return null;
		}
		if (!date.isAfter(today)) {
			errors.add(field + "-day", label + " must be in the future");
			return null;
		}
		return date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
	}

}

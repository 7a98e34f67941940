package uk.gov.analyticalplatform.audit;

import java.util.List;
import java.util.stream.Collectors;

/**
 * RFC 4180 CSV for every export of the platform (audit log, access reviews), from the API
 * and the control panel alike. A value a spreadsheet would take for a formula (starting
 * with {@code = + - @}, a tab or a carriage return) is prefixed with a single quote, so
 * that opening an export cannot run anything smuggled into a justification or a user
 * agent. It lives here, at the bottom of the modules, so that every module's export uses
 * this one writer.
 */
public final class Csv {

	private Csv() {
	}

	/** One line of cells, ending in CRLF; {@code null} cells are empty. */
	public static String line(List<String> cells) {
		return cells.stream().map(Csv::cell).collect(Collectors.joining(",")) + "\r\n";
	}

	/**
	 * One cell: defused, and quoted where it holds a separator, a quote or a line break.
	 */
	public static String cell(String value) {
		if (value == null) {
			return "";
		}
		String safe = (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) ? "'" + value : value;
		boolean quote = safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
				|| !safe.equals(value);
		return quote ? "\"" + safe.replace("\"", "\"\"") + "\"" : safe;
	}

}

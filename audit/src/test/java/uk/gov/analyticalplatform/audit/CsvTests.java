package uk.gov.analyticalplatform.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CsvTests {

	@Test
	void cellsWithCommasQuotesOrLineBreaksAreQuoted() {
		assertThat(Csv.cell("plain")).isEqualTo("plain");
		assertThat(Csv.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(Csv.cell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(Csv.cell("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void missingValuesAreEmptyCells() {
		assertThat(Csv.cell(null)).isEmpty();
		assertThat(Csv.line(java.util.Arrays.asList("a", null, "b"))).isEqualTo("a,,b\r\n");
	}

	@Test
	void cellsASpreadsheetWouldRunAsAFormulaAreDisarmed() {
		assertThat(Csv.cell("+1")).isEqualTo("\"'+1\"");
		assertThat(Csv.cell("-2")).isEqualTo("\"'-2\"");
		assertThat(Csv.cell("=HYPERLINK(\"x\")")).isEqualTo("\"'=HYPERLINK(\"\"x\"\")\"");
		assertThat(Csv.cell("@sum")).isEqualTo("\"'@sum\"");
	}

}

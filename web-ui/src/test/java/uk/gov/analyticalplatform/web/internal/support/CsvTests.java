package uk.gov.analyticalplatform.web.internal.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessReviewEntry;
import uk.gov.analyticalplatform.dataaccess.DatasetRef;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserRef;

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

	@Test
	void aLineHoldsTheGrantItsHolderAndItsHistory() {
		UUID grant = UUID.fromString("00000000-0000-0000-0000-000000000001");
		AccessReviewEntry entry = new AccessReviewEntry(grant, new DatasetRef(UUID.randomUUID(), "prisons"),
				Principal.user("u1", "ana"), List.of(), AccessLevel.READ, List.of(PathAccess.read("a/")),
				Instant.parse("2026-11-29T10:00:00Z"), new UserRef("u2", "dan"), null, "Monthly report, urgent", null,
				null, null);
		assertThat(AccessReviewCsv.line(entry))
			.isEqualTo("00000000-0000-0000-0000-000000000001,prisons,USER,ana,,READ,a/:READ,"
					+ "2026-11-29T10:00:00Z,dan,,\"Monthly report, urgent\",,,\r\n");
	}

}

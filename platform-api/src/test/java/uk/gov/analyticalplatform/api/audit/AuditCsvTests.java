package uk.gov.analyticalplatform.api.audit;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.audit.AuditRecord;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void plainValuesAreWrittenAsTheyAre() {
		assertThat(AuditCsv.field("grant.created")).isEqualTo("grant.created");
		assertThat(AuditCsv.field(null)).isEmpty();
	}

	@Test
	void separatorsQuotesAndLineBreaksAreQuoted() {
		assertThat(AuditCsv.field("a,b")).isEqualTo("\"a,b\"");
		assertThat(AuditCsv.field("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
		assertThat(AuditCsv.field("two\nlines")).isEqualTo("\"two\nlines\"");
	}

	@Test
	void valuesASpreadsheetWouldRunAreDefused() {
		assertThat(AuditCsv.field("=HYPERLINK(\"http://evil\")")).isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\")\"");
		assertThat(AuditCsv.field("+1")).isEqualTo("\"'+1\"");
		assertThat(AuditCsv.field("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(AuditCsv.field("-2")).isEqualTo("\"'-2\"");
	}

	@Test
	void anEventIsOneLineUnderTheHeader() {
		StringWriter out = new StringWriter();
		AuditCsv csv = new AuditCsv(out);
		csv.header();
		csv.write(new AuditRecord(7, Instant.parse("2026-11-29T10:00:00Z"), "u-1", "alice", "127.0.0.1", "curl/8",
				"req-1", "grant.created", "grant", "g-1", Map.of("level", "READ"), 3L, "00", "ab"));
		assertThat(out.toString()).isEqualTo(AuditCsv.HEADER + "\r\n"
				+ "7,3,2026-11-29T10:00:00Z,u-1,alice,127.0.0.1,curl/8,req-1,grant.created,grant,g-1,"
				+ "\"{\"\"level\"\":\"\"READ\"\"}\",00,ab\r\n");
	}

}

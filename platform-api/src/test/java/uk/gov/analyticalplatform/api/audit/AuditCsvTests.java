package uk.gov.analyticalplatform.api.audit;

import java.io.StringWriter;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.audit.AuditRecord;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

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

package uk.gov.analyticalplatform.audit;

import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuditCsvTests {

	@Test
	void anEventIsOneLineWithItsDetailsAsJson() {
		String line = AuditCsv
			.line(new AuditRecord(7, Instant.parse("2026-11-29T10:00:00Z"), "u-1", "alice", "127.0.0.1", "curl/8",
					"req-1", "grant.created", "grant", "g-1", Map.of("level", "READ"), 3L, "00", "ab"));
		assertThat(line).isEqualTo("7,3,2026-11-29T10:00:00Z,u-1,alice,127.0.0.1,curl/8,req-1,grant.created,grant,g-1,"
				+ "\"{\"\"level\"\":\"\"READ\"\"}\",00,ab\r\n");
	}

	@Test
	void theHeaderNamesEveryColumnOfALine() {
		assertThat(AuditCsv.HEADER.split(",")).hasSize(14);
	}

}

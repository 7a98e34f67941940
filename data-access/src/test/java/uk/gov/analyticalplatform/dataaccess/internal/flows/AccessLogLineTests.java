package uk.gov.analyticalplatform.dataaccess.internal.flows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccessLogLineTests {

	static final UUID DATASET = UUID.fromString("00000000-0000-0000-0000-0000000000d1");

	final FlowMapping mapping = new FlowMapping("ap",
			List.of(new FlowMapping.Location(DATASET, "data-bucket", "curated/"),
					new FlowMapping.Location(UUID.randomUUID(), "data-bucket", "")));

	@Test
	void awsDocumentedExampleLineIsParsed() {
		AccessLogLine line = AccessLogLine
			.parse("79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be awsexamplebucket1 [06/Feb/2019:00:00:38 +0000] "
					+ "192.0.2.3 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be 3E57427F3EXAMPLE "
					+ "REST.GET.VERSIONING - \"GET /awsexamplebucket1?versioning HTTP/1.1\" 200 - 113 - 7 - \"-\" "
					+ "\"S3Console/0.4\" - s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= "
					+ "SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader awsexamplebucket1.s3.us-west-1.amazonaws.com TLSV1.2 "
					+ "arn:aws:s3:us-west-1:123456789012:accesspoint/example-AP Yes");
		assertThat(line.bucket()).isEqualTo("awsexamplebucket1");
		assertThat(line.at()).isEqualTo(Instant.parse("2019-02-06T00:00:38Z"));
		assertThat(line.operation()).isEqualTo("REST.GET.VERSIONING");
		assertThat(line.key()).isNull();
		assertThat(line.httpStatus()).isEqualTo(200);
		assertThat(line.bytesSent()).isEqualTo(113);
		assertThat(FlowMapping.direction(line.operation())).isEqualTo("OTHER");
	}

	@Test
	void aUsersReadIsMappedToTheDatasetPathAndUser() {
		AccessLogLine line = AccessLogLine
			.parse(AccessLogLines.line("data-bucket", Instant.parse("2026-12-06T10:15:00Z"), "ap_user_alice",
					"REST.GET.OBJECT", "curated/year=2026/court survey.csv", 200, 5000, 5000));
		assertThat(line.key()).as("URL-decoded").isEqualTo("curated/year=2026/court survey.csv");
		FlowMapping.Flow flow = this.mapping.map(line);
		assertThat(flow.datasetId()).as("the longest root prefix wins").isEqualTo(DATASET);
		assertThat(flow.objectKey()).isEqualTo("year=2026/court survey.csv");
		assertThat(flow.path()).isEqualTo("year=2026/");
		assertThat(flow.direction()).isEqualTo("READ");
		assertThat(flow.bytes()).isEqualTo(5000);
		assertThat(flow.principalType()).isEqualTo("USER");
		assertThat(flow.principal()).isEqualTo("alice");
		assertThat(flow.roleName()).isEqualTo("ap_user_alice");
	}

	@Test
	void writesCountTheObjectSizeAndAppsAndPipelinesAreNamed() {
		FlowMapping.Flow write = this.mapping.map(AccessLogLine.parse(AccessLogLines.line("data-bucket", Instant.now(),
				"ap_pipeline_nightly-load", "REST.PUT.OBJECT", "raw/a.csv", 200, 0, 1234)));
		assertThat(write.direction()).isEqualTo("WRITE");
		assertThat(write.bytes()).isEqualTo(1234);
		assertThat(write.principalType()).isEqualTo("PIPELINE");
		assertThat(write.principal()).isEqualTo("nightly-load");
		FlowMapping.Flow app = this.mapping.map(AccessLogLine.parse(AccessLogLines.line("data-bucket", Instant.now(),
				"ap_app_bail-dashboard", "REST.GET.BUCKET", null, 200, 300, 0)));
		assertThat(app.direction()).isEqualTo("LIST");
		assertThat(app.principal()).isEqualTo("bail-dashboard");
		FlowMapping.Flow other = this.mapping.map(AccessLogLine.parse(AccessLogLines.line("elsewhere", Instant.now(),
				"someone-elses-role", "REST.FUTURE.OPERATION", "x", 403, 0, 0)));
		assertThat(other.datasetId()).isNull();
		assertThat(other.direction()).isEqualTo("OTHER");
		assertThat(other.principalType()).isEqualTo("UNKNOWN");
	}

	@Test
	void malformedLinesAreSkippedAndCountedNeverFatal() throws IOException {
		String good = AccessLogLines.line("data-bucket", Instant.parse("2026-12-06T10:15:00Z"), "ap_user_bob",
				"REST.GET.OBJECT", "curated/a.csv", 200, 10, 10);
		String file = String.join("\n", good, "garbage", "", "owner bucket [06/Feb/2019:00:00:38 +0000",
				"owner bucket [31/Foo/2019:00:00:38 +0000] 1.2.3.4 - id REST.GET.OBJECT k \"GET / HTTP/1.1\" 200 - 1 1",
				"owner bucket [06/Feb/2019:00:00:38 +0000] 1.2.3.4 - id REST.GET.OBJECT k \"GET / HTTP/1.1\" abc - 1 1",
				good) + "\n";
		StringWriter rows = new StringWriter();
		AccessLogCollector.Read read = AccessLogCollector.read(
				new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)), this.mapping,
				new CopyRows(rows, "b/log"));
		assertThat(read.lines()).isEqualTo(6);
		assertThat(read.skipped()).isEqualTo(4);
		assertThat(read.stored()).isEqualTo(2);
		assertThat(rows.toString().lines().map((row) -> row.split("\t")[1])).containsExactly("1", "6");
	}

	@Test
	void signedOddOrOverlongNumbersAndNulCharactersMakeALineMalformed() {
		String line = AccessLogLines.line("data-bucket", Instant.parse("2026-12-06T10:15:00Z"), "ap_user_bob",
				"REST.GET.OBJECT", "curated/a.csv", 200, 10, 10);
		assertThat(AccessLogLine.parse(line)).isNotNull();
		assertThat(AccessLogLine.parse(line.replace(" 200 - 10 10 ", " 200 - -10 10 "))).as("negative bytes").isNull();
		assertThat(AccessLogLine.parse(line.replace(" 200 - 10 10 ", " 200 - +10 10 "))).as("signed bytes").isNull();
		assertThat(AccessLogLine.parse(line.replace(" 200 - 10 10 ", " 2000 - 10 10 "))).as("status").isNull();
		assertThat(AccessLogLine.parse(line.replace(" 200 - 10 10 ", " 200 - 99999999999999999999 10 ")))
			.as("beyond a long")
			.isNull();
		assertThat(AccessLogLine.parse(line.replace("curated/a.csv", "curated/a%00.csv")))
			.as("a NUL, which PostgreSQL's text cannot hold")
			.isNull();
		assertThat(AccessLogLine.parse(line.replace("curated/a.csv", "curated/a%ZZ.csv"))).as("a broken escape")
			.isNull();
		assertThat(AccessLogLine.parse(line.replace(" 200 - 10 10 ", " - - - - "))).as("dashes for numbers")
			.satisfies((parsed) -> {
				assertThat(parsed.httpStatus()).isZero();
				assertThat(parsed.bytesSent()).isZero();
			});
	}

	@Test
	void rowsAreWrittenInCopyTextFormatWithSpecialCharactersEscapedAndNullsMarked() throws IOException {
		AccessLogLine line = AccessLogLine
			.parse(AccessLogLines.line("data-bucket", Instant.parse("2026-12-06T10:15:00Z"), "ap_user_alice",
					"REST.GET.OBJECT", "curated/tab%09back%5Cslash%0Anew line.csv", 200, 7, 7));
		StringWriter rows = new StringWriter();
		CopyRows copy = new CopyRows(rows, "data-bucket/2026-12-06-10-20-00-AB");
		copy.add(3, line, this.mapping.map(line));
		AccessLogLine anonymous = AccessLogLine.parse(AccessLogLines.line("elsewhere",
				Instant.parse("2026-12-06T10:15:01Z"), null, "REST.GET.BUCKET", null, 200, 9, 0));
		copy.add(4, anonymous, this.mapping.map(anonymous));
		assertThat(rows.toString()).isEqualTo(
				String.join("\t", "data-bucket/2026-12-06-10-20-00-AB", "3", "2026-12-06T10:15:00Z", DATASET.toString(),
						"data-bucket", "tab\\tback\\\\slash\\nnew line.csv", "", "REST.GET.OBJECT", "READ", "200", "7",
						"arn:aws:sts::123456789012:assumed-role/ap_user_alice/botocore-session-1700000000",
						"ap_user_alice", "USER", "alice", "3E57427F3EXAMPLE")
						+ "\n"
						+ String.join("\t", "data-bucket/2026-12-06-10-20-00-AB", "4", "2026-12-06T10:15:01Z", "\\N",
								"elsewhere", "\\N", "", "REST.GET.BUCKET", "LIST", "200", "9", "\\N", "\\N", "UNKNOWN",
								"\\N", "3E57427F3EXAMPLE")
						+ "\n");
	}

	@Test
	void listingResumesFromTheStartOfTheDayOfTheLastFileRead() {
		assertThat(AccessLogCollector.dayOf("b/", "b/2026-12-06-10-15-00-ABCDEF")).isEqualTo("b/2026-12-06");
	}

}

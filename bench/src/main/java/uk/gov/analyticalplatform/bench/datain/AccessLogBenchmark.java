package uk.gov.analyticalplatform.bench.datain;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * The flows collector end to end: S3 server access log files in AWS's format put into the
 * emulator's log bucket under a bucket no dataset uses yet; then the dataset is
 * registered and the time until the leader's collector has read, parsed, mapped and
 * stored every line is measured. Run with {@code scripts/bench.sh access-logs}.
 */
public final class AccessLogBenchmark {

	static final int FILES = 20;

	static final int LINES = 25_000;

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private AccessLogBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String logBucket = "bench-logs-" + suffix;
		String bucket = "bench-flows-" + suffix;
		String endpoint = PlatformServices.get().awsEndpoint();
		HttpClient http = HttpClient.newHttpClient();
		// in the datasets' region: S3 refuses to log into a bucket in another one
		put(http, endpoint + "/" + logBucket, "<CreateBucketConfiguration><LocationConstraint>eu-west-2"
				+ "</LocationConstraint></CreateBucketConfiguration>");
		long bytes = 0;
		for (int file = 0; file < FILES; file++) {
			StringBuilder text = new StringBuilder(LINES * 420);
			for (int line = 0; line < LINES; line++) {
				text.append((line % 1000 == 999) ? "a malformed line" : line(bucket, file, line)).append('\n');
			}
			bytes += text.length();
			put(http, endpoint + "/" + logBucket + "/" + bucket + "/2026-12-06-10-" + String.format("%02d", file)
					+ "-00-" + suffix.toUpperCase() + "0000000", text.toString());
		}
		String database = TestDatabases.create("bench_flows");
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.autoconfigure.exclude", "");
		properties.put("spring.datasource.url", PlatformServices.get().jdbcUrl(database));
		properties.put("spring.datasource.username", TestDatabases.APP_ROLE);
		properties.put("spring.datasource.password", TestDatabases.APP_ROLE);
		properties.put("spring.flyway.user", TestDatabases.OWNER_ROLE);
		properties.put("spring.flyway.password", TestDatabases.OWNER_ROLE);
		properties.put("spring.flyway.locations", "classpath:db/migration/audit,classpath:db/migration/dataaccess");
		properties.put("platform.aws.region", "eu-west-2");
		properties.put("platform.aws.endpoint", endpoint);
		properties.put("platform.aws.access-key-id", "test");
		properties.put("platform.aws.secret-access-key", "test");
		properties.put("platform.data-access.role-prefix", "bench");
		properties.put("platform.data-access.buckets.tls-only", "false");
		properties.put("platform.data-access.buckets.access-log-bucket", logBucket);
		properties.put("platform.data-access.flows.poll-interval", "100ms");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(UploadBenchmark.App.class)
			.run(UploadBenchmark.arguments(properties))) {
			JdbcClient jdbc = JdbcClient.create(context.getBean(javax.sql.DataSource.class));
			Group owners = context.getBean(Groups.class).create(UploadBenchmark.ADMIN, "bench-" + suffix, "");
			long start = System.nanoTime();
			context.getBean(DatasetCatalog.class)
				.create(UploadBenchmark.ADMIN, NewDataset.s3("flows-" + suffix, "access log benchmark", owners.id(),
						Classification.OFFICIAL, bucket, "curated/"));
			Awaitility.await("every log file read")
				.atMost(Duration.ofMinutes(10))
				.pollInterval(Duration.ofMillis(50))
				.until(() -> jdbc.sql("SELECT count(*) FROM data_access_log_files").query(Integer.class).single(),
						(read) -> read >= FILES);
			int files = FILES;
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, Object> counts = jdbc.sql(
					"SELECT sum(lines) AS lines, sum(stored) AS stored, sum(skipped) AS skipped FROM data_access_log_files")
				.query()
				.singleRow();
			long lines = ((Number) counts.get("lines")).longValue();
			System.out.printf(
					"access logs: %d files, %,d lines (%,d stored, %,d malformed skipped), %.1f MiB, read from S3, "
							+ "parsed, mapped and stored in %.2f s: %,.0f lines/s (goal >= 50,000)%n",
					files, lines, ((Number) counts.get("stored")).longValue(),
					((Number) counts.get("skipped")).longValue(), bytes / 1048576.0, seconds, lines / seconds);
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static String line(String bucket, int file, int line) {
		String role = "bench_user_analyst" + (line % 50);
		String key = "curated/year=2026/month=" + (1 + line % 12) + "/part-" + (line % 200) + ".parquet";
		String operation = (line % 10 == 0) ? "REST.PUT.OBJECT"
				: (line % 10 == 1) ? "REST.GET.BUCKET" : "REST.GET.OBJECT";
		return "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be " + bucket + " ["
				+ TIME.format(Instant.parse("2026-12-06T10:00:00Z").plusSeconds(file * 60L + line / 500)) + "] 192.0.2."
				+ (line % 250) + " arn:aws:sts::123456789012:assumed-role/" + role + "/botocore-session-" + line + " "
				+ Long.toHexString(((long) file << 32) | line).toUpperCase() + " " + operation + " " + key + " \"GET /"
				+ bucket + "/" + key + " HTTP/1.1\" 200 - " + (1000 + line) + " " + (1000 + line)
				+ " 70 10 \"-\" \"aws-sdk-java/2.30 Linux/6.1 OpenJDK_64-Bit_Server_VM/17\" - "
				+ "s9lzHYrFp76ZVxRcpX9+5cjAnEH2ROuNkd2BHfIa6UkFVdtjf5mKR3/eTPFvsiP/XV/VLi31234= SigV4 "
				+ "ECDHE-RSA-AES128-GCM-SHA256 AuthHeader " + bucket + ".s3.eu-west-2.amazonaws.com TLSv1.2 - -";
	}

	private static void put(HttpClient http, String url, String body) throws Exception {
		HttpResponse<String> response = http.send(
				HttpRequest.newBuilder(URI.create(url)).PUT(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IllegalStateException(url + ": " + response.statusCode() + " " + response.body());
		}
	}

}

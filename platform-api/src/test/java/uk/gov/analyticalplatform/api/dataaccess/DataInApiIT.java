package uk.gov.analyticalplatform.api.dataaccess;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.DataFlowsCsv;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Data in through the API: propose, approve, upload, seal, and see the reads tracked.
 */
@TestPropertySource(properties = { "platform.data-access.buckets.tls-only=false",
		"platform.data-access.flows.poll-interval=250ms", "platform.data-access.uploads.part-size=5MB" })
class DataInApiIT extends IdentityIntegrationTest {

	static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	final String logBucket = "ap-api-logs-" + SUFFIX;

	final String rolePrefix = "di" + SUFFIX.substring(0, 6);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("platform.data-access.buckets.access-log-bucket", () -> "ap-api-logs-" + SUFFIX);
		registry.add("platform.data-access.role-prefix", () -> "di" + SUFFIX.substring(0, 6));
	}

	@Test
	void anAnalystProposesAnAdminApprovesTheAnalystUploadsSealsAndSeesTheReadsTracked() throws Exception {
		ApiClient admin = signedIn(this.users.enrolled("padmin", Role.PLATFORM_ADMIN));
		Enrolled analystUser = this.users.enrolled("proposer");
		ApiClient analyst = signedIn(analystUser);
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		assertThat(admin.post("/api/v1/groups", "{\"name\": \"team-" + suffix + "\"}").status()).isEqualTo(201);

		Response proposed = analyst.post("/api/v1/dataset-proposals", """
				{"name": "survey-%s", "description": "Court user survey", "classification": "OFFICIAL_SENSITIVE",
				 "kind": "S3", "purpose": "Evaluate the court user survey", "legalBasis": "DPIA-2026-041",
				 "retentionDays": 365, "retentionAction": "ARCHIVE", "owningTeam": "team-%s"}""".formatted(suffix,
				suffix));
		assertThat(proposed.status()).as(proposed.toString()).isEqualTo(201);
		String proposal = proposed.json().path("id").asString();
		Response own = analyst.post("/api/v1/dataset-proposals/" + proposal + "/approve", "{\"reason\": \"mine\"}");
		assertThat(own.status()).isEqualTo(403);
		assertThat(own.problemType()).endsWith("/problems/self-approval-forbidden");
		assertThat(admin.get("/api/v1/dataset-proposals?view=awaiting").json())
			.extracting((item) -> item.path("id").asString())
			.contains(proposal);
		Response rejectedWithoutReason = admin.post("/api/v1/dataset-proposals/" + proposal + "/reject", "{}");
		assertThat(rejectedWithoutReason.status()).isEqualTo(400);
		Response approved = admin.post("/api/v1/dataset-proposals/" + proposal + "/approve",
				"{\"reason\": \"DPIA checked\"}");
		assertThat(approved.status()).as(approved.toString()).isEqualTo(200);
		String dataset = approved.json().path("datasetId").asString();
		await().atMost(Duration.ofSeconds(30))
			.until(() -> "READY"
				.equals(admin.get("/api/v1/datasets/" + dataset).json().path("status").path("state").asString()));

		byte[] file = new byte[6 * 1024 * 1024 + 7];
		new Random().nextBytes(file);
		Response started = analyst.post("/api/v1/datasets/" + dataset + "/uploads",
				"{\"path\": \"wave-1/responses.csv\", \"size\": %d, \"sha256\": \"%s\"}".formatted(file.length,
						sha256(file)));
		assertThat(started.status()).as(started.toString()).isEqualTo(201);
		assertThat(started.json().path("partCount").asInt()).isEqualTo(2);
		String upload = started.json().path("id").asString();
		Response done = analyst.sendBytes("PUT", "/api/v1/datasets/" + dataset + "/uploads/" + upload + "/content",
				file);
		assertThat(done.status()).as(done.toString()).isEqualTo(200);
		assertThat(done.json().path("state").asString()).isEqualTo("COMPLETED");
		assertThat(done.json().path("sha256").asString()).isEqualTo(sha256(file));

		Response sealed = analyst.post("/api/v1/datasets/" + dataset + "/uploads/seal",
				"{\"version\": \"wave-1\", \"prefix\": \"wave-1/\"}");
		assertThat(sealed.status()).as(sealed.toString()).isEqualTo(201);
		assertThat(sealed.json().path("manifest").get(0).path("sha256").asString()).isEqualTo(sha256(file));

		String bucket = admin.get("/api/v1/datasets/" + dataset).json().path("bucket").asString();
		// deliver an access log as S3 would (the plain emulator checks no signatures),
		// named
		// by its delivery time: the collector lists a bucket's logs from the day of the
		// last
		// one it read (the emulator's own logs among them)
		HttpResponse<String> delivered = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create(PlatformServices.get().awsEndpoint() + "/" + this.logBucket + "/" + bucket + "/"
						+ DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT)
							.withZone(ZoneOffset.UTC)
							.format(Instant.now())
						+ "-ABCDEF0123456789"))
				.PUT(HttpRequest.BodyPublishers
					.ofString(logLine(bucket, this.rolePrefix + "_user_" + analystUser.username(),
							"wave-1/responses.csv", file.length) + "\n"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(200);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> analyst.get("/api/v1/datasets/" + dataset + "/flows").json().size() == 1);
		Response csv = analyst.exchange("GET", "/api/v1/datasets/" + dataset + "/flows?format=csv", null, "text/csv");
		assertThat(csv.body()).startsWith(DataFlowsCsv.HEADER).contains("wave-1/responses.csv", "READ");
		assertThat(analyst.get("/api/v1/me/flows").json().get(0).path("principal").asString())
			.isEqualTo(analystUser.username());
		assertThat(analyst.get("/api/v1/flows").status()).isEqualTo(403);
		assertThat(admin.get("/api/v1/datasets/" + dataset + "/flows/summary").json().get(0).path("bytes").asLong())
			.isEqualTo(file.length);
	}

	private static String logLine(String bucket, String role, String key, long bytes) {
		String time = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
			.withZone(ZoneOffset.UTC)
			.format(Instant.parse("2026-12-06T11:59:00Z"));
		return "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be " + bucket + " [" + time
				+ "] 192.0.2.3 arn:aws:sts::123456789012:assumed-role/" + role + "/session 3E57427F3EXAMPLE "
				+ "REST.GET.OBJECT " + key + " \"GET /" + bucket + "/" + key + " HTTP/1.1\" 200 - " + bytes + " "
				+ bytes + " 70 10 \"-\" \"aws-cli/2.15.0\" - hostid SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader "
				+ bucket + ".s3.eu-west-2.amazonaws.com TLSv1.2 - -";
	}

	private static String sha256(byte[] bytes) throws Exception {
		return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
	}

}

package uk.gov.analyticalplatform.api.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Data in, in a real browser: an analyst proposes a dataset (from the menu), a platform
 * admin approves it (from "Proposals to decide"), the analyst uploads a file with the
 * progress bar straight to S3 with presigned URLs (the page's content security policy
 * allowing exactly the emulator's origin), seals a version, shares the dataset and sees
 * the read tracked once the access log arrives; every page checked with axe.
 */
@TestPropertySource(properties = { "platform.data-access.buckets.tls-only=false",
		"platform.data-access.flows.poll-interval=250ms", "platform.data-access.uploads.part-size=5MB",
		// the browser's origin, whatever port the application got: the buckets' CORS rule
		// lets it PUT presigned parts straight to the emulator
		"platform.data-access.buckets.upload-origins=http://127.0.0.1:*" })
class DataInBrowserIT extends BrowserIntegrationTest {

	static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);

	@DynamicPropertySource
	static void settings(DynamicPropertyRegistry registry) {
		registry.add("platform.data-access.buckets.access-log-bucket", () -> "ap-ui-logs-" + SUFFIX);
		registry.add("platform.data-access.role-prefix", () -> "ui" + SUFFIX.substring(0, 6));
	}

	@Autowired
	private DatasetCatalog catalog;

	@Autowired
	private Groups groups;

	@Test
	void proposeApproveUploadSealShareAndSeeTheReadTracked() throws Exception {
		Enrolled analyst = this.users.enrolled("bringer");
		Enrolled admin = this.users.enrolled("governor", Role.PLATFORM_ADMIN);
		Enrolled colleague = this.users.enrolled("colleague");
		this.groups.create(Caller.platformAdmin(this.users.admin().id().toString(), "admin"), "team-" + SUFFIX, "");
		String name = "survey-" + SUFFIX;

		signIn(analyst);
		assertThat(this.browser.all("#nav-proposals-awaiting")).as("an analyst decides no proposals").isEmpty();
		this.browser.click("#nav-proposals");
		this.browser.awaitPath("/data/proposals");
		this.browser.assertAccessible();
		this.browser.click("#propose-button");
		this.browser.awaitText(".govuk-error-summary", "Enter a name for the dataset");
		this.browser.assertAccessible();
		this.browser.type("name", name);
		this.browser.type("purpose", "Evaluate the court user survey");
		this.browser.type("legalBasis", "DPIA-2026-041");
		this.browser.type("retentionDays", "365");
		this.browser.find("#owner option[value='" + this.groups.getByName("team-" + SUFFIX).id() + "']").click();
		this.browser.click("#propose-button");
		this.browser.awaitText("#done", "Proposed " + name);
		assertThat(this.browser.text("#my-proposals [data-test=proposal-state]")).isEqualTo("PENDING");
		this.browser.assertAccessible();
		signOut();

		signIn(admin);
		this.browser.click("#nav-proposals-awaiting");
		this.browser.awaitPath("/data/proposals/awaiting");
		this.browser.awaitText("main", analyst.username() + " proposes " + name);
		assertThat(this.browser.find("#nav-proposals-awaiting").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.all("#propose-button")).as("only the proposals to decide").isEmpty();
		this.browser.assertAccessible();
		this.browser.click("[data-proposal=" + name + "] [data-test=approve-proposal]");
		this.browser.awaitText("#done", "Approved " + name);
		signOut();

		Dataset dataset = this.catalog.getByName(name);
		Awaitility.await()
			.atMost(Duration.ofSeconds(30))
			.until(() -> "READY".equals(this.catalog.get(dataset.id()).status().state().name()));
		signIn(analyst);
		this.browser.open("/data/proposals");
		this.browser.click("[data-proposal=" + name + "] a");
		this.browser.awaitPath("/data/datasets/" + dataset.id() + "/upload");
		this.browser.assertAccessible();
		Path file = Files.createTempFile("survey", ".csv");
		byte[] bytes = new byte[7 * 1024 * 1024];
		new Random().nextBytes(bytes);
		Files.write(file, bytes);
		this.browser.type("upload-path", "wave-1/responses.csv");
		this.browser.find("#upload-file").sendKeys(file.toString());
		this.browser.click("#upload-button");
		Awaitility.await()
			.atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(this.browser.text("#upload-status")).startsWith("Uploaded wave-1/"));
		assertThat(this.browser.find("#upload-progress").getAttribute("value")).isEqualTo("100");
		@SuppressWarnings("unchecked")
		List<String> requests = (List<String>) this.browser
			.script("return performance.getEntriesByType('resource').map((entry) => entry.name);");
		String emulator = PlatformServices.get().awsEndpoint();
		assertThat(requests).as("both parts PUT straight to the emulator, none through the control plane")
			.filteredOn((url) -> url.startsWith(emulator + "/" + dataset.bucket() + "/"))
			.hasSize(2);
		assertThat(requests).noneMatch((url) -> url.matches(".*/uploads/[^/]+/parts/.*"));
		this.browser.assertAccessible();
		Files.delete(file);

		this.browser.open("/data/datasets/" + dataset.id() + "/upload");
		assertThat(this.browser.text("#uploads [data-test=upload-state]")).isEqualTo("COMPLETED");
		this.browser.type("version", "wave-1");
		this.browser.type("prefix", "wave-1/");
		this.browser.click("#seal-button");
		this.browser.awaitText("#done", "Sealed version wave-1 with 1 objects");
		this.browser.assertAccessible();

		this.browser.click("#access-link");
		this.browser.type("principal", colleague.username());
		this.browser.click("#grant");
		this.browser.awaitText("#done", "Granted read access to " + colleague.username());
		assertThat(this.browser.text("#grants")).contains(colleague.username());
		this.browser.assertAccessible();

		deliverAccessLog(dataset.bucket(), "ui" + SUFFIX.substring(0, 6) + "_user_" + colleague.username(),
				"wave-1/responses.csv", bytes.length);
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			this.browser.open("/data/datasets/" + dataset.id() + "/flows");
			assertThat(this.browser.text("#flow-summary")).contains(colleague.username()).contains("wave-1/");
		});
		assertThat(this.browser.text("#flow-summary [data-test=flow-direction]")).isEqualTo("READ");
		this.browser.assertAccessible();
	}

	/** The emulator writes no access logs: one is delivered as S3 would. */
	private static void deliverAccessLog(String bucket, String role, String key, long bytes) throws Exception {
		Instant now = Instant.now();
		String time = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT)
			.withZone(ZoneOffset.UTC)
			.format(now);
		// named by its delivery time, as S3 names it: the collector lists a bucket's logs
		// from the day of the last one it read (the emulator's own logs among them)
		String name = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss", Locale.ROOT)
			.withZone(ZoneOffset.UTC)
			.format(now) + "-ABCDEF0123456789";
		String line = "79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be " + bucket + " [" + time
				+ "] 192.0.2.3 arn:aws:sts::123456789012:assumed-role/" + role + "/session 3E57427F3EXAMPLE "
				+ "REST.GET.OBJECT " + key + " \"GET /" + bucket + "/" + key + " HTTP/1.1\" 200 - " + bytes + " "
				+ bytes + " 70 10 \"-\" \"aws-cli/2.15.0\" - hostid SigV4 ECDHE-RSA-AES128-GCM-SHA256 AuthHeader "
				+ bucket + ".s3.eu-west-2.amazonaws.com TLSv1.2 - -\n";
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI
					.create(PlatformServices.get().awsEndpoint() + "/ap-ui-logs-" + SUFFIX + "/" + bucket + "/" + name))
				.PUT(HttpRequest.BodyPublishers.ofString(line))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
	}

	private void signOut() {
		this.browser.click("nav button[type=submit]");
		this.browser.awaitPath("/sign-in");
	}

}

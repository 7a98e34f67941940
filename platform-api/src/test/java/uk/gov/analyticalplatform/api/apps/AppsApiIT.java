package uk.gov.analyticalplatform.api.apps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The apps API end to end on the running application: registering with the availability
 * notice, the viewer limit under a 100-way race through the API and through the control
 * panel's form, pipelines deploying with an {@code apps:deploy} token, secrets never
 * returned.
 */
class AppsApiIT extends IdentityIntegrationTest {

	@Test
	void aRegisteredAppCarriesTheAvailabilityNoticeAndItsOwner() {
		Enrolled owner = this.users.enrolled("app-owner");
		ApiClient session = signedIn(owner);
		String name = register(session);

		Response app = session.get("/api/v1/apps/" + name);

		assertThat(app.json().path("availability").path("target").asDouble()).isEqualTo(0.95);
		assertThat(app.json().path("availability").path("support").asString())
			.isEqualTo("office hours, Monday to Friday");
		assertThat(app.json().path("availability").path("notice").asString()).contains("95%");
		assertThat(app.json().path("owners").get(0).path("username").asString()).isEqualTo(owner.username());
		assertThat(session.get("/api/v1/apps").json().path("items")).extracting((item) -> item.path("name").asString())
			.containsExactly(name);
	}

	@Test
	void aHundredViewersAddedAtOnceThroughTheApiLeaveFiftyAndFiftyViewerLimitProblems() throws Exception {
		ApiClient session = signedIn(this.users.enrolled("api-race"));
		String name = register(session);
		session.get("/api/v1/auth/csrf");
		List<Integer> statuses = race(100, (i) -> {
			Response response = session.exchange("POST", "/api/v1/apps/" + name + "/viewers",
					"{\"email\": \"viewer" + i + "@justice.gov.uk\"}");
			if (response.status() == 409) {
				assertThat(response.problemType()).isEqualTo("/problems/viewer-limit");
				assertThat(response.json().path("limit").asInt()).isEqualTo(50);
			}
			return response.status();
		});

		assertThat(statuses).filteredOn((status) -> status == 200).hasSize(50);
		assertThat(statuses).filteredOn((status) -> status == 409).hasSize(50);
		assertThat(session.get("/api/v1/apps/" + name + "/viewers").json().path("viewers")).hasSize(50);
	}

	@Test
	void aHundredViewersAddedAtOnceThroughTheControlPanelFormLeaveFiftyAndFiftyRefusals() throws Exception {
		ApiClient session = signedIn(this.users.enrolled("form-race"));
		String name = register(session);
		String csrf = csrf(session, "/apps/" + name);

		List<Integer> statuses = race(100, (i) -> {
			HttpResponse<String> response = session.http()
				.send(form("/apps/" + name + "/viewers",
						"email=" + URLEncoder.encode("viewer" + i + "@justice.gov.uk", StandardCharsets.UTF_8)
								+ "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)),
						BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				assertThat(response.body()).contains("govuk-error-summary").contains("already has 50 viewers");
			}
			return response.statusCode();
		});

		assertThat(statuses).as(statuses.toString()).filteredOn((status) -> status == 302).hasSize(50);
		assertThat(statuses).as(statuses.toString()).filteredOn((status) -> status == 200).hasSize(50);
		assertThat(session.get("/api/v1/apps/" + name + "/viewers").json().path("viewers")).hasSize(50);
	}

	@Test
	void aPipelineRegistersAndDeploysAVersionWithAnAppsDeployTokenOfAnOwner() {
		Enrolled owner = this.users.enrolled("pipeline-owner");
		ApiClient session = signedIn(owner);
		String name = register(session);
		String token = session
			.post("/api/v1/me/tokens", "{\"name\": \"gha\", \"scopes\": [\"apps:deploy\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient pipeline = api().withBearer(token);

		Response version = pipeline.exchange("POST", "/api/v1/apps/" + name + "/versions",
				"{\"image\": \"ghcr.io/moj/" + name + "@sha256:" + "b".repeat(64) + "\"}");
		Response deployment = pipeline.exchange("POST", "/api/v1/apps/" + name + "/deployments", "{\"version\": 1}");

		assertThat(version.status()).as(version.toString()).isEqualTo(201);
		assertThat(deployment.status()).as(deployment.toString()).isEqualTo(201);
		assertThat(pipeline.exchange("GET", "/api/v1/apps/" + name, null).status()).isEqualTo(403);
		assertThat(session.get("/api/v1/apps/" + name).json().path("deployedVersion").asInt()).isEqualTo(1);
		assertThat(auditEvents("app.version.deployed", name)).isOne();
	}

	@Test
	void anAppsDeployTokenOfSomeoneElseCannotDeployTheApp() {
		ApiClient owner = signedIn(this.users.enrolled("not-their-app"));
		String name = register(owner);
		ApiClient stranger = signedIn(this.users.enrolled("stranger"));
		String token = stranger
			.post("/api/v1/me/tokens", "{\"name\": \"gha\", \"scopes\": [\"apps:deploy\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();

		Response response = api().withBearer(token)
			.exchange("POST", "/api/v1/apps/" + name + "/versions",
					"{\"image\": \"ghcr.io/moj/" + name + "@sha256:" + "c".repeat(64) + "\"}");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.problemType()).isEqualTo("/problems/app-not-found");
	}

	@Test
	void aSecretIsNeverReturnedAndIsStoredEncrypted() {
		ApiClient session = signedIn(this.users.enrolled("secret-keeper"));
		String name = register(session);

		Response set = session.send("PUT", "/api/v1/apps/" + name + "/secrets/DB_PASSWORD",
				"{\"value\": \"correct horse battery\"}");

		assertThat(set.status()).isEqualTo(204);
		Response names = session.get("/api/v1/apps/" + name + "/secrets");
		assertThat(names.body()).contains("DB_PASSWORD").doesNotContain("correct horse");
		assertThat(session.get("/api/v1/apps/" + name).body()).doesNotContain("correct horse");
		assertThat(superuserQuery("SELECT encode(ciphertext, 'escape') FROM app_secrets s JOIN apps a "
				+ "ON a.id = s.app_id WHERE a.name = ?", name))
			.singleElement()
			.satisfies((stored) -> assertThat(stored).doesNotContain("correct horse"));
		assertThat(superuserQuery(
				"SELECT details::text FROM audit_event WHERE action = 'app.secret.set' " + "AND target_id = ?", name))
			.singleElement()
			.satisfies((details) -> assertThat(details).contains("DB_PASSWORD").doesNotContain("correct horse"));
	}

	@Test
	void strangersGetNotFoundAndPlatformAdminsSeeEveryApp() {
		ApiClient owner = signedIn(this.users.enrolled("visible-owner"));
		String name = register(owner);
		ApiClient stranger = signedIn(this.users.enrolled("nosy"));
		ApiClient admin = signedIn(this.users.enrolled("apps-admin", Role.PLATFORM_ADMIN));

		assertThat(stranger.get("/api/v1/apps/" + name).status()).isEqualTo(404);
		assertThat(stranger.post("/api/v1/apps/" + name + "/viewers", "{\"email\": \"me@justice.gov.uk\"}").status())
			.isEqualTo(404);
		assertThat(admin.get("/api/v1/apps").json().path("items")).extracting((item) -> item.path("name").asString())
			.contains(name);
	}

	private String register(ApiClient session) {
		String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
		Response app = session.post("/api/v1/apps", """
				{"name": "%s", "description": "Bail decisions", "repositoryUrl": "https://github.com/moj/%s",
				 "imageRepository": "ghcr.io/moj/%s"}""".formatted(name, name, name));
		assertThat(app.status()).as(app.toString()).isEqualTo(201);
		return name;
	}

	@FunctionalInterface
	interface Attempt {

		int run(int i) throws Exception;

	}

	private static List<Integer> race(int count, Attempt attempt) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(count);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Integer>> results = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				int n = i;
				results.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
						return attempt.run(n);
					}
					catch (Exception ex) {
						throw new IllegalStateException(ex);
					}
				}, pool));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (CompletableFuture<Integer> result : results) {
				statuses.add(result.get(120, TimeUnit.SECONDS));
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	private String csrf(ApiClient session, String page) throws IOException, InterruptedException {
		String html = session.http().send(get(page), BodyHandlers.ofString()).body();
		int at = html.indexOf("name=\"_csrf\"");
		int value = html.indexOf("value=\"", at) + 7;
		return html.substring(value, html.indexOf('"', value));
	}

	private HttpRequest get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).build();
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

}

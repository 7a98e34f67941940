package uk.gov.analyticalplatform.api.gate;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.testing.EchoUpstream;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestNginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /authz/tools} behind Debian's nginx as ingress-nginx configures a tool's
 * Ingress, with tools started through the API on the real local cluster: the owner of a
 * READY tool passes with the identity headers, another user is refused, nobody signed in
 * is sent to sign in, an idle tool is stopped (IDLED, audited) and visiting it wakes it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = { "platform.tools.domain=tools.test", "platform.tools.reconciler.poll-interval=300ms",
		"platform.tools.reconciler.sweep-interval=300ms" })
class ToolGateNginxIT extends IdentityIntegrationTest {

	@Autowired
	ActivityRecorder activity;

	@LocalManagementPort
	int managementPort;

	private final HttpClient http = HttpClient.newHttpClient();

	EchoUpstream upstream;

	TestNginx nginx;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().kubeconfig());
	}

	@BeforeAll
	void startProxy() {
		this.upstream = EchoUpstream.start();
		String app = "http://127.0.0.1:" + this.port;
		this.nginx = TestNginx.gate(app + "/authz/tools", app + "/authz/sign-in", this.upstream.port());
	}

	@AfterAll
	void stopProxy() {
		this.nginx.close();
		this.upstream.close();
	}

	@Test
	void theOwnerOfAReadyToolPassesAndOthersDoNot() throws Exception {
		SignedInUsers.Enrolled owner = this.users.enrolled("toolgate");
		ApiClient session = signedIn(owner);
		String id = startJupyter(session);
		String host = owner.username() + "-jupyterlab.tools.test";
		ApiClient otherSession = signedIn(this.users.enrolled("toolgate"));
		String before = scrape();

		TestNginx.Response passed = this.nginx.get(host, "/lab", session.cookieHeader());
		TestNginx.Response other = this.nginx.get(host, "/lab", otherSession.cookieHeader());
		TestNginx.Response anonymous = this.nginx.get(host, "/lab", "");
		String after = scrape();

		assertThat(passed.status()).as(this.nginx.errorLog()).isEqualTo(200);
		assertThat(passed.body()).startsWith("user=" + owner.username() + " email=" + owner.user().email());
		assertThat(other.status()).isEqualTo(403);
		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location")).endsWith("/authz/sign-in?rd=http://" + host + "/lab");
		// the gate answers before the request metrics: its own counters count each answer
		assertThat(answers(after, "allowed", "200") - answers(before, "allowed", "200")).isOne();
		assertThat(answers(after, "denied", "403") - answers(before, "denied", "403")).isOne();
		assertThat(answers(after, "signed_out", "401") - answers(before, "signed_out", "401")).isOne();
		assertThat(answers(after, "asleep", "401") - answers(before, "asleep", "401")).isZero();
		assertThat(after).doesNotContain("uri=\"/authz/tools\"");
		this.activity.flush();
		assertThat(superuserQuery(
				"SELECT count(*) FROM tool_instances WHERE id = ?::uuid AND last_activity_at " + "IS NOT NULL", id))
			.containsExactly("1");
	}

	@Test
	void anIdleToolIsStoppedAndVisitingItWakesIt() throws Exception {
		SignedInUsers.Enrolled owner = this.users.enrolled("toolidle");
		ApiClient session = signedIn(owner);
		String id = startJupyter(session);
		String host = owner.username() + "-jupyterlab.tools.test";

		// nobody has used it for longer than its profile's idle timeout
		superuserQuery("UPDATE tool_instances SET phase_since = now() - interval '9 hours', last_activity_at = "
				+ "now() - interval '9 hours' WHERE id = ?::uuid RETURNING id", id);

		await().atMost(Duration.ofSeconds(60)).until(() -> state(session, id), "IDLED"::equals);
		assertThat(auditEvents("tool.idled", id)).isOne();
		String before = scrape();
		TestNginx.Response asleep = this.nginx.get(host, "/lab", session.cookieHeader());
		assertThat(asleep.status()).isEqualTo(302);
		assertThat(answers(scrape(), "asleep", "401") - answers(before, "asleep", "401")).isOne();
		HttpResponse<String> waking = session.http()
			.send(HttpRequest.newBuilder(URI.create(asleep.header("Location"))).build(), BodyHandlers.ofString());
		assertThat(waking.statusCode()).isEqualTo(302);
		assertThat(waking.headers().firstValue("Location")).hasValue("/tools/" + id + "/progress?rd="
				+ URLEncoder.encode("http://" + host + "/lab", StandardCharsets.UTF_8));
		await().atMost(Duration.ofSeconds(60)).until(() -> state(session, id), "READY"::equals);
		assertThat(auditEvents("tool.woken", id)).isOne();
		assertThat(this.nginx.get(host, "/lab", session.cookieHeader()).status()).isEqualTo(200);
	}

	/**
	 * The gate's count of one answer for tools in a scrape of the Prometheus endpoint.
	 */
	private static double answers(String scrape, String answer, String status) {
		Matcher value = Pattern
			.compile("(?m)^platform_gate_answers_total\\{answer=\"" + answer + "\",area=\"tools\",status=\"" + status
					+ "\"\\} ([0-9.eE+-]+)$")
			.matcher(scrape);
		assertThat(value.find()).as("%s %s in%n%s", answer, status, scrape).isTrue();
		return Double.parseDouble(value.group(1));
	}

	private String scrape() throws IOException, InterruptedException {
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.build(), BodyHandlers.ofString())
			.body();
	}

	private String startJupyter(ApiClient session) {
		ApiClient.Response created = session.post("/api/v1/me/tools", "{\"tool\": \"jupyterlab\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		await().atMost(Duration.ofSeconds(60)).until(() -> state(session, id), "READY"::equals);
		return id;
	}

	private static String state(ApiClient session, String id) {
		return session.get("/api/v1/me/tools/" + id).json().path("status").path("state").asString();
	}

}

package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalManagementPort;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/** What the application's port shows to anyone, and the headers it answers with. */
class PublicSurfaceIT extends IdentityIntegrationTest {

	@LocalManagementPort
	int managementPort;

	@Test
	void metricsAndBuildInfoNeedAPlatformAdminOnTheApplicationPort() {
		for (String path : new String[] { "/actuator/prometheus", "/actuator/info", "/actuator/metrics" }) {
			Response anonymous = api().get(path);
			assertThat(anonymous.status()).as(path).isEqualTo(401);
			assertThat(anonymous.problemType()).isEqualTo("/problems/unauthenticated");
			assertThat(anonymous.body()).doesNotContain("jvm").doesNotContain("commit");
			assertThat(signedIn(this.users.enrolled("analyst")).get(path).status()).as(path).isEqualTo(403);
		}
	}

	@Test
	void healthAndTheProbesAnswerAnyone() {
		assertThat(new ApiClient(this.managementPort).get("/actuator/health").status()).isEqualTo(200);
		assertThat(new ApiClient(this.managementPort).get("/actuator/health/readiness").status()).isEqualTo(200);
		assertThat(api().get("/livez").status()).isEqualTo(200);
		assertThat(api().get("/readyz").status()).isEqualTo(200);
	}

	@Test
	void metricsAndBuildInfoAnswerAnyoneOnTheManagementPort() {
		assertThat(this.managementPort).isNotEqualTo(this.port);
		Response metrics = new ApiClient(this.managementPort).exchange("GET", "/actuator/prometheus", null,
				"text/plain");
		assertThat(metrics.status()).isEqualTo(200);
		assertThat(metrics.body()).contains("jvm_memory_used_bytes");
		assertThat(new ApiClient(this.managementPort).get("/actuator/info").status()).isEqualTo(200);
	}

	@Test
	void redirectsNeverNameTheHostTheRequestClaimed() throws IOException {
		String signIn = rawGet("/", "evil.example");
		assertThat(signIn).startsWith("HTTP/1.1 302").doesNotContain("evil.example");
		assertThat(location(signIn)).isEqualTo("/sign-in");
		String swagger = rawGet("/swagger-ui.html", "evil.example");
		assertThat(location(swagger)).startsWith("/").doesNotContain("evil.example");
	}

	@Test
	void everyAnswerCarriesAPermissionsPolicyAndPlainHttpNoHsts() {
		for (String path : new String[] { "/sign-in", "/api/v1/me", "/livez" }) {
			Response response = api().exchange("GET", path, null, "text/html");
			assertThat(response.raw().headers().firstValue("Permissions-Policy")).as(path)
				.hasValueSatisfying((policy) -> assertThat(policy).contains("camera=()").contains("geolocation=()"));
			assertThat(response.raw().headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	/** Sends a request by hand: Java's HTTP client does not let a caller set Host. */
	private String rawGet(String path, String host) throws IOException {
		try (Socket socket = new Socket("127.0.0.1", this.port)) {
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host
					+ "\r\nAccept: text/html\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static String location(String response) {
		return response.lines()
			.filter((line) -> line.regionMatches(true, 0, "Location:", 0, 9))
			.map((line) -> line.substring(9).trim())
			.findFirst()
			.orElseThrow(() -> new AssertionError("no Location in " + response));
	}

}

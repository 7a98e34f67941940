package uk.gov.analyticalplatform.api.identity;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.TestTotp;

import static org.assertj.core.api.Assertions.assertThat;

/** Signing in through a real OpenID Connect provider running in the JVM. */
class OidcSignInIT extends IdentityIntegrationTest {

	@Test
	void aFirstOidcSignInCreatesTheUserFromClaimsThenAsksForTotp() {
		String subject = "subject-" + System.nanoTime();
		oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("analytical-platform"),
				Map.of("preferred_username", subject, "email", subject + "@example.org", "name", "Olivia Idp", "groups",
						List.of("platform-admins", "staff")),
				3600));
		ApiClient browser = api();
		Response landing = signInThroughProvider(browser, "mock");
		assertThat(landing.raw().headers().firstValue("Location").orElseThrow()).endsWith("/sign-in/two-factor");

		assertThat(browser.get("/api/v1/me").problemType()).isEqualTo("/problems/mfa-required");
		String secret = browser.post("/api/v1/auth/totp/enrolment", null).json().path("secret").asString();
		Response confirmed = browser.post("/api/v1/auth/totp/enrolment/confirm",
				code(TestTotp.code(secret, this.clock.instant())));
		assertThat(confirmed.status()).isEqualTo(200);

		JsonNode me = browser.get("/api/v1/me").json().path("user");
		assertThat(me.path("username").asString()).isEqualTo(subject);
		assertThat(me.path("origin").asString()).isEqualTo("OIDC");
		assertThat(me.path("displayName").asString()).isEqualTo("Olivia Idp");
		assertThat(me.path("roles").toString()).contains("PLATFORM_ADMIN");
		assertThat(auditEvents("signin.oidc.succeeded", me.path("id").asString())).isEqualTo(1);
		assertThat(auditEvents("user.created", me.path("id").asString())).isEqualTo(1);
	}

	@Test
	void aProviderWhoseMfaClaimIsTrustedSkipsTheTotpStep() {
		String subject = "trusted-" + System.nanoTime();
		oidc.enqueueCallback(new DefaultOAuth2TokenCallback("trusting", subject, "JWT", List.of("analytical-platform"),
				Map.of("preferred_username", subject, "amr", List.of("pwd", "mfa")), 3600));
		ApiClient browser = api();
		signInThroughProvider(browser, "trusting");
		Response me = browser.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("user").path("roles").toString()).doesNotContain("PLATFORM_ADMIN");
	}

	@Test
	void anMfaClaimFromAProviderThatIsNotTrustedStillNeedsTotp() {
		String subject = "untrusted-" + System.nanoTime();
		oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("analytical-platform"),
				Map.of("preferred_username", subject, "amr", List.of("mfa")), 3600));
		ApiClient browser = api();
		signInThroughProvider(browser, "mock");
		assertThat(browser.get("/api/v1/me").problemType()).isEqualTo("/problems/mfa-required");
	}

	@Test
	void theRedirectUriIsTheConfiguredBaseUrlsWhateverHostTheRequestNames() throws IOException {
		String start = rawGet("/oauth2/authorization/mock", "evil.example");
		assertThat(start).startsWith("HTTP/1.1 302");
		String location = start.lines()
			.filter((line) -> line.regionMatches(true, 0, "Location:", 0, 9))
			.map((line) -> line.substring(9).trim())
			.findFirst()
			.orElseThrow();
		String redirectUri = URLDecoder.decode(location.replaceAll(".*[?&]redirect_uri=([^&]+).*", "$1"),
				StandardCharsets.UTF_8);
		assertThat(redirectUri).isEqualTo("http://127.0.0.1:" + this.port + "/login/oauth2/code/mock");
		assertThat(location).doesNotContain("evil.example");
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

}

package uk.gov.analyticalplatform.api.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's setup: TLS ends at the ingress, which forwards the scheme, and the
 * application honours forwarded headers. With the default
 * ({@code platform.security.headers.hsts=when-secure}) answers to what arrived over TLS
 * carry HSTS, and answers to plain HTTP do not.
 */
@TestPropertySource(properties = "server.forward-headers-strategy=framework")
class HstsBehindAnIngressIT extends IdentityIntegrationTest {

	@Test
	void answersToRequestsThatReachedTheIngressOverTlsCarryHstsAndPlainOnesDoNot() throws Exception {
		HttpClient http = api().http();
		for (String path : new String[] { "/sign-in", "/api/v1/me" }) {
			HttpResponse<String> overTls = http.send(get(path).header("X-Forwarded-Proto", "https").build(),
					BodyHandlers.ofString());
			assertThat(overTls.headers().firstValue("Strict-Transport-Security")).as(path).hasValue("max-age=31536000");

			HttpResponse<String> plain = http.send(get(path).header("X-Forwarded-Proto", "http").build(),
					BodyHandlers.ofString());
			assertThat(plain.headers().firstValue("Strict-Transport-Security")).as(path).isEmpty();
		}
	}

	private HttpRequest.Builder get(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).header("Accept", "text/html");
	}

}

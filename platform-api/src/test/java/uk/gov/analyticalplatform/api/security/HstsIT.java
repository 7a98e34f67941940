package uk.gov.analyticalplatform.api.security;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An installation whose ingress terminates TLS and does not forward the scheme sends HSTS
 * on every answer when told to.
 */
@TestPropertySource(properties = { "platform.security.headers.hsts=always",
		"platform.security.headers.hsts-max-age=180d", "platform.security.headers.hsts-include-subdomains=true" })
class HstsIT extends IdentityIntegrationTest {

	@Test
	void hstsIsSentOnEveryAnswerWhenConfiguredSo() {
		for (String path : new String[] { "/sign-in", "/api/v1/me" }) {
			Response response = api().exchange("GET", path, null, "text/html");
			assertThat(response.raw().headers().firstValue("Strict-Transport-Security")).as(path)
				.hasValue("max-age=15552000 ; includeSubDomains");
		}
	}

}

package uk.gov.analyticalplatform.api.kubernetes;

import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the in-JVM Kubernetes simulator of the local setup, every page says that no real
 * pods run.
 */
@TestPropertySource(properties = "platform.kubernetes.simulator=true")
class SimulatedClusterIT extends IdentityIntegrationTest {

	@Test
	void everyPageSaysThatNoRealPodsRun() {
		Response signIn = api().exchange("GET", "/sign-in", null, "text/html");

		assertThat(signIn.status()).isEqualTo(200);
		assertThat(signIn.body()).contains("data-test=\"kubernetes-simulated\"").contains("no real pods run");
	}

}

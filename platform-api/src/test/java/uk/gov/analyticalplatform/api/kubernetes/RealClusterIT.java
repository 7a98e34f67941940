package uk.gov.analyticalplatform.api.kubernetes;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.kubernetes.KubernetesCluster;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pointed at a real cluster, the application talks to it and labels nothing as simulated.
 */
class RealClusterIT extends IdentityIntegrationTest {

	@Autowired
	KubernetesCluster cluster;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().kubeconfig());
	}

	@Test
	void theLocalClusterIsUsedAndNotLabelledSimulated() {
		assertThat(this.cluster.simulated()).isFalse();
		assertThat(this.cluster.server()).startsWith("https://127.0.0.1:");

		Response signIn = api().exchange("GET", "/sign-in", null, "text/html");

		assertThat(signIn.body()).doesNotContain("kubernetes-simulated");
	}

}

package uk.gov.analyticalplatform.api.apps;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.ClusterWorkloads;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision on an app's data reaches the app's pods at once: data access tells app
 * deployment when the app's IAM role appears or goes away, and the app is reconciled
 * again, its service account annotated and its pods replaced by pods created with the
 * role (the pod identity webhook fixes a pod's credentials when it is created). The apps'
 * resync is an hour here, so nothing but that signal can do it in time. The real
 * application on the real local cluster and the AWS emulator.
 */
@TestPropertySource(
		properties = { "platform.apps.reconciler.enabled=true", "platform.apps.reconciler.resync-interval=1h" })
class AppRoleRolloutIT extends IdentityIntegrationTest {

	static final Duration PROMPTLY = Duration.ofSeconds(60);

	ClusterWorkloads cluster;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().kubeconfig());
	}

	@BeforeEach
	void connect() {
		this.cluster = ClusterWorkloads.connect();
	}

	@AfterEach
	void disconnect() {
		this.cluster.close();
	}

	@Test
	void aGrantToARunningAppReachesItsServiceAccountAndPodsAtOnceAndItsRevocationTakesTheRoleAway() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		ApiClient platformAdmin = signedIn(this.users.enrolled("role-padmin", Role.PLATFORM_ADMIN));
		Enrolled dataAdminUser = this.users.enrolled("role-dadmin");
		ApiClient dataAdmin = signedIn(dataAdminUser);
		ApiClient owner = signedIn(this.users.enrolled("role-owner"));
		String dataset = s3Dataset(platformAdmin, dataAdminUser, "listings-" + suffix);
		String app = "roled-" + suffix;
		String namespace = "app-" + app;
		deploy(owner, app);
		await().atMost(Duration.ofSeconds(120))
			.untilAsserted(() -> assertThat(
					owner.get("/api/v1/apps/" + app).json().path("status").path("servingVersion").asInt())
				.isEqualTo(1));
		assertThat(this.cluster.serviceAccountRole(namespace, "app")).isNull();

		Response grant = dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "APP", "app": "%s"}, "level": "READ"}""".formatted(dataset,
				app));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(201);

		await().atMost(PROMPTLY).untilAsserted(() -> {
			String role = appRole(owner, app);
			assertThat(role).isNotNull().contains(app);
			assertThat(this.cluster.serviceAccountRole(namespace, "app")).isEqualTo(role);
			assertThat(this.cluster.readyPods(namespace)).singleElement()
				.satisfies((pod) -> assertThat(pod.getMetadata().getAnnotations())
					.containsEntry(ClusterWorkloads.POD_ROLE, role));
		});

		Response revoked = dataAdmin.send("DELETE", "/api/v1/grants/" + grant.json().path("id").asString(),
				"{\"reason\": \"no longer needed\"}");
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

		await().atMost(PROMPTLY).untilAsserted(() -> {
			assertThat(appRole(owner, app)).isNull();
			assertThat(this.cluster.serviceAccountRole(namespace, "app")).isNull();
			assertThat(this.cluster.readyPods(namespace)).singleElement()
				.satisfies((pod) -> assertThat(pod.getMetadata().getAnnotations())
					.doesNotContainKey(ClusterWorkloads.POD_ROLE));
		});
		assertThat(owner.send("DELETE", "/api/v1/apps/" + app, null).status()).isEqualTo(204);
	}

	/**
	 * Registers the app, pushes its build to the local registry, registers it by tag and
	 * deploys it.
	 */
	private void deploy(ApiClient owner, String app) {
		String repository = TestRegistry.repository("moj/" + app);
		Response registered = owner.post("/api/v1/apps", """
				{"name": "%s", "description": "Listings", "repositoryUrl": "https://github.com/moj/%s",
				 "imageRepository": "%s"}""".formatted(app, app, repository));
		assertThat(registered.status()).as(registered.toString()).isEqualTo(201);
		TestRegistry.push("moj/" + app, "v1", app);
		Response version = owner.post("/api/v1/apps/" + app + "/versions", "{\"image\": \"" + repository + ":v1\"}");
		assertThat(version.status()).as(version.toString()).isEqualTo(201);
		assertThat(version.json().path("image").asString()).startsWith(repository + "@sha256:");
		Response deployed = owner.post("/api/v1/apps/" + app + "/deployments", "{\"version\": 1}");
		assertThat(deployed.status()).as(deployed.toString()).isEqualTo(201);
	}

	/** The app's role as data access has it applied in AWS, or {@code null}. */
	private static String appRole(ApiClient owner, String app) {
		var role = owner.get("/api/v1/apps/" + app + "/data-access").json().path("roleArn");
		return (role.isNull() || role.isMissingNode()) ? null : role.asString();
	}

}

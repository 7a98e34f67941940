package uk.gov.analyticalplatform.api.browser;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.Pod;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.ClusterWorkloads;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A decision on a user's data reaches their running tool's service account at once (data
 * access tells the tool launcher when the user's IAM role appears or goes), but not the
 * running pod: EKS fixes a pod's credentials when it is created, and restarting the tool
 * by itself would cut its user's session. The instance reports instead that its data
 * access changed, until its owner restarts it and the new pod is created with the role.
 * "My tools" says so above the tools with a Restart button, checked for accessibility, as
 * the change commits (no reload: the page follows its running tools' streams) and hides
 * it the same way once it no longer holds; the home page's tools panel says the same. The
 * tools' resync is an hour here, so nothing but data access's signal reaches the service
 * account in time. The real application on the real local cluster, the AWS emulator and a
 * real browser.
 */
@TestPropertySource(properties = { "platform.tools.domain=tools.test", "platform.tools.reconciler.poll-interval=300ms",
		"platform.tools.reconciler.resync-interval=1h" })
class ToolDataAccessBrowserIT extends BrowserIntegrationTest {

	static final Duration PROMPTLY = Duration.ofSeconds(60);

	/** How soon a change committed reaches an open page. */
	static final Duration PUSHED = Duration.ofSeconds(10);

	static final String POD_ROLE = ClusterWorkloads.POD_ROLE;

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
	void aGrantReachesARunningToolsServiceAccountAndTheToolAsksForARestartThatGivesItsNewPodTheRole() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		ApiClient platformAdmin = signedIn(this.users.enrolled("tool-role-padmin", Role.PLATFORM_ADMIN));
		Enrolled dataAdminUser = this.users.enrolled("tool-role-dadmin");
		ApiClient dataAdmin = signedIn(dataAdminUser);
		Enrolled analystUser = this.users.enrolled("tool-role");
		ApiClient analyst = signedIn(analystUser);
		String namespace = WorkloadIdentities.userNamespace(analystUser.username());
		String dataset = s3Dataset(platformAdmin, dataAdminUser, "hearings-" + suffix);
		String id = startJupyter(analyst);
		Pod started = readyPod(namespace);
		assertThat(started.getMetadata().getAnnotations()).containsEntry(POD_ROLE, "");
		assertThat(instance(analyst, id).path("dataAccessChanged").asBoolean()).isFalse();

		signIn(analystUser);
		this.browser.open("/tools");
		assertThat(this.browser.find("#data-access-changed").isDisplayed()).isFalse();
		assertThat(this.browser.find("#data-access-jupyterlab").isDisplayed()).isFalse();
		this.browser.script("window.loadedOnce = true");

		Response grant = grant(dataAdmin, dataset, analystUser);

		await().atMost(PROMPTLY).untilAsserted(() -> {
			String role = userRole(analyst);
			assertThat(role).isNotNull();
			assertThat(serviceAccountRole(namespace)).isEqualTo(role);
			assertThat(instance(analyst, id).path("dataAccessChanged").asBoolean()).isTrue();
		});
		String role = userRole(analyst);
		assertThat(analyst.get("/api/v1/me/tools").json().path("items").get(0).path("dataAccessChanged").asBoolean())
			.isTrue();
		await().atMost(PUSHED).until(() -> this.browser.find("#data-access-changed").isDisplayed());
		assertThat(this.browser.script("return window.loadedOnce === true")).as("shown without reloading the page")
			.isEqualTo(true);
		assertThat(this.browser.text("#data-access-changed"))
			.contains("Your data access has changed: restart to use your new data access");
		assertThat(this.browser.text("#data-access-jupyterlab")).isEqualTo("Restart to use your new data access.");
		assertThat(this.browser.find("#tools-live").getAttribute("textContent"))
			.isEqualTo("Your data access has changed: restart to use your new data access");
		this.browser.assertAccessible();
		this.browser.screenshot("tools-data-access-changed");
		assertThat(templateRole(namespace)).as("the pod template keeps the role its pod was created with").isEmpty();
		assertThat(readyPod(namespace).getMetadata().getUid()).as("the running tool is not restarted by itself")
			.isEqualTo(started.getMetadata().getUid());
		assertThat(instance(analyst, id).path("status").path("state").asString()).isEqualTo("READY");
		this.browser.open("/");
		assertThat(this.browser.text("#your-tools #data-access-changed"))
			.as("the home page's tools panel says the same, with the same Restart")
			.contains("Your data access has changed: restart to use your new data access");
		assertThat(this.browser.find("#restart-for-data-access-jupyterlab").isDisplayed()).isTrue();
		this.browser.assertAccessible();
		this.browser.open("/tools");

		this.browser.click("#restart-for-data-access-jupyterlab");
		this.browser.awaitPath("/tools");

		await().atMost(PROMPTLY).untilAsserted(() -> {
			JsonNode instance = instance(analyst, id);
			assertThat(instance.path("status").path("state").asString()).isEqualTo("READY");
			Pod pod = readyPod(namespace);
			assertThat(pod.getMetadata().getUid()).isNotEqualTo(started.getMetadata().getUid());
			assertThat(pod.getMetadata().getAnnotations()).containsEntry(POD_ROLE, role);
			assertThat(instance.path("dataAccessChanged").asBoolean()).isFalse();
		});
		this.browser.awaitText("#state-jupyterlab", "READY");
		assertThat(this.browser.find("#data-access-changed").isDisplayed()).isFalse();
		assertThat(this.browser.find("#data-access-jupyterlab").isDisplayed()).isFalse();
		this.browser.script("window.loadedOnce = true");
		Pod withRole = readyPod(namespace);

		Response revoked = dataAdmin.send("DELETE", "/api/v1/grants/" + grant.json().path("id").asString(),
				"{\"reason\": \"no longer needed\"}");
		assertThat(revoked.status()).as(revoked.toString()).isEqualTo(200);

		await().atMost(PROMPTLY).untilAsserted(() -> {
			assertThat(userRole(analyst)).isNull();
			assertThat(serviceAccountRole(namespace)).isNull();
			assertThat(instance(analyst, id).path("dataAccessChanged").asBoolean()).isTrue();
		});
		assertThat(templateRole(namespace)).isEqualTo(role);
		assertThat(readyPod(namespace).getMetadata().getUid()).isEqualTo(withRole.getMetadata().getUid());
		await().atMost(PUSHED).until(() -> this.browser.find("#data-access-changed").isDisplayed());

		grant(dataAdmin, dataset, analystUser);

		await().atMost(PROMPTLY).untilAsserted(() -> {
			assertThat(serviceAccountRole(namespace)).as("the same role again").isEqualTo(role);
			assertThat(instance(analyst, id).path("dataAccessChanged").asBoolean()).isFalse();
		});
		await().atMost(PUSHED).until(() -> !this.browser.find("#data-access-changed").isDisplayed());
		assertThat(this.browser.find("#data-access-jupyterlab").isDisplayed()).isFalse();
		assertThat(this.browser.script("return window.loadedOnce === true")).as("hidden without reloading the page")
			.isEqualTo(true);
		assertThat(analyst.send("DELETE", "/api/v1/me/tools/" + id, null).status()).isEqualTo(202);
	}

	private static Response grant(ApiClient dataAdmin, String dataset, Enrolled analyst) {
		Response grant = dataAdmin.post("/api/v1/grants", """
				{"datasetId": "%s", "principal": {"type": "USER", "username": "%s"}, "level": "READ"}"""
			.formatted(dataset, analyst.username()));
		assertThat(grant.status()).as(grant.toString()).isEqualTo(201);
		return grant;
	}

	private static String startJupyter(ApiClient session) {
		Response created = session.post("/api/v1/me/tools", "{\"tool\": \"jupyterlab\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String id = created.json().path("id").asString();
		await().atMost(PROMPTLY)
			.until(() -> instance(session, id).path("status").path("state").asString(), "READY"::equals);
		return id;
	}

	private static JsonNode instance(ApiClient session, String id) {
		return session.get("/api/v1/me/tools/" + id).json();
	}

	/** The user's role as data access has it applied in AWS, or {@code null}. */
	private static String userRole(ApiClient session) {
		JsonNode role = session.get("/api/v1/me/datasets").json().path("applied").path("roleArn");
		return (role.isNull() || role.isMissingNode()) ? null : role.asString();
	}

	private String serviceAccountRole(String namespace) {
		return this.cluster.serviceAccountRole(namespace, "analyst");
	}

	private String templateRole(String namespace) {
		return this.cluster.admin()
			.apps()
			.deployments()
			.inNamespace(namespace)
			.withName("jupyterlab")
			.get()
			.getSpec()
			.getTemplate()
			.getMetadata()
			.getAnnotations()
			.get(POD_ROLE);
	}

	/** The one pod of the namespace that is ready and not being deleted. */
	private Pod readyPod(String namespace) {
		List<Pod> ready = this.cluster.readyPods(namespace);
		assertThat(ready).hasSize(1);
		return ready.get(0);
	}

}

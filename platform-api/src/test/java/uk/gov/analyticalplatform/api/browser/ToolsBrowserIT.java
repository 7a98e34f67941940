package uk.gov.analyticalplatform.api.browser;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The tools journeys in a real browser against the real local cluster: an analyst starts
 * JupyterLab from "My tools", watches its progress until it is ready and lands in it,
 * sees it on the home page and stops it; a platform admin adds a release pinned by
 * digest, deprecates it, adds a profile and stops an analyst's instance, refused in a
 * GOV.UK error summary on the way; an analyst switches release (from a deprecated one)
 * and profile, cancels a start, resets and deletes a tool with its home directory through
 * the pages that ask first. Every page visited is checked for accessibility, and the
 * pages of the user guide are pictured ({@code make screenshots}).
 */
@TestPropertySource(properties = { "platform.tools.domain=tools.test", "platform.tools.reconciler.poll-interval=300ms",
		"platform.tools.reconciler.sweep-interval=300ms" })
class ToolsBrowserIT extends BrowserIntegrationTest {

	static final Duration START = Duration.ofSeconds(120);

	static final String UNPULLABLE = "registry.invalid/analytical-platform/jupyterlab@sha256:" + "d".repeat(64);

	@Autowired
	ToolInstances instances;

	@Autowired
	ToolCatalogueAdmin catalogue;

	private final List<ToolUser> owners = new ArrayList<>();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().kubeconfig());
	}

	@AfterEach
	void deleteTools() {
		for (ToolUser owner : this.owners) {
			this.instances.mine(owner).forEach((instance) -> this.instances.delete(owner, instance.id(), true));
		}
		await().atMost(START)
			.until(() -> this.owners.stream().allMatch((owner) -> this.instances.mine(owner).isEmpty()));
	}

	@Test
	void anAnalystStartsJupyterLabWatchesItBecomeReadyAndStopsIt() {
		Enrolled analyst = this.users.enrolled("jupyter");
		this.owners.add(toolUser(analyst));
		signIn(analyst);
		this.browser.open("/tools");
		this.browser.awaitText("#no-tools", "You have no tools yet");
		this.browser.assertAccessible();
		this.browser.select("tool", "jupyterlab");
		this.browser.screenshot("tools-start");

		String tool = "https://" + analyst.username() + "-jupyterlab.tools.test/";

		this.browser.click("#start");

		// the progress page, or already the tool: pushed READY moves the page on at once
		await().atMost(Duration.ofSeconds(10)).until(() -> onProgressPageOr(tool));
		String at = this.browser.url();
		this.browser.holdStill();
		if (!at.equals(tool) && this.browser.url().equals(at)) {
			String progress = at.substring(at.indexOf("/tools/"));
			assertThat(this.browser.text("h1")).isEqualTo("Starting jupyterlab");
			this.browser.assertAccessible();
			this.browser.screenshot("tools-progress");
			this.browser.go(progress);
		}
		await().atMost(START).until(this.browser::url, tool::equals);

		this.browser.open("/tools");
		this.browser.awaitText("#state-jupyterlab", "READY");
		assertThat(this.browser.find("#tool-jupyterlab a").getAttribute("href")).isEqualTo(tool);
		this.browser.assertAccessible();
		this.browser.screenshot("tools-ready");
		this.browser.open("/");
		this.browser.awaitText("#dash-tool-jupyterlab", "Ready");
		assertThat(this.browser.text("#dash-tool-jupyterlab")).contains("JupyterLab").contains("Not used yet");
		assertThat(this.browser.find("#dash-open-jupyterlab").getAttribute("href")).isEqualTo(tool);
		this.browser.assertAccessible();
		this.browser.screenshot("home-your-tools");

		this.browser.open("/tools");
		this.browser.click("#stop-jupyterlab");
		this.browser.awaitPath("/tools");
		await().atMost(START).ignoreExceptions().untilAsserted(() -> {
			this.browser.open("/tools");
			assertThat(this.browser.text("#state-jupyterlab")).isEqualTo("STOPPED");
		});
		assertThat(this.browser.all("#start-jupyterlab")).hasSize(1);
		this.browser.assertAccessible();
	}

	@Test
	void aPlatformAdminChangesTheCatalogueAndStopsAnAnalystsInstanceRefusedWhereInputIsWrong() {
		Enrolled admin = this.users.enrolled("tools-admin", Role.PLATFORM_ADMIN);
		Enrolled analyst = this.users.enrolled("catalogue-user");
		ToolUser analystTools = toolUser(analyst);
		this.owners.add(analystTools);
		String version = "9.9." + (System.nanoTime() % 100_000);
		signIn(admin);
		this.browser.open("/admin/tools");
		this.browser.awaitText("#releases", "JupyterLab 4.5.0");
		this.browser.assertAccessible();
		this.browser.screenshot("admin-tool-catalogue");

		this.browser.click("#add-release");
		this.browser.awaitPath("/admin/tools/releases/new");
		this.browser.select("tool", "jupyterlab");
		this.browser.type("name", version);
		this.browser.type("displayName", "JupyterLab " + version + " (preview)");
		this.browser.type("image", "quay.io/jupyter/scipy-notebook:latest");
		this.browser.type("port", "8888");
		this.browser.type("readinessPath", "/api");
		this.browser.click("#save-release");
		this.browser.awaitText(".govuk-error-summary", "pinned by digest");
		assertThat(this.browser.text("#image-error")).contains("64");
		this.browser.assertAccessible();
		this.browser.screenshot("admin-add-release-error");
		this.browser.type("image", UNPULLABLE);
		this.browser.click("#save-release");
		this.browser.awaitText("#notice", "Added JupyterLab " + version);
		String row = "#release-jupyterlab-" + version.replace(".", "\\.");
		assertThat(this.browser.text(row)).contains("ACTIVE").contains(UNPULLABLE);

		this.browser.find(row + " a").click();
		this.browser.click("#status-DEPRECATED");
		this.browser.click("#save-status");
		this.browser.awaitText(".govuk-error-summary", "Enter the message users of a deprecated release see");
		this.browser.assertAccessible();
		this.browser.type("message", "Preview over: use JupyterLab 4.5.0");
		this.browser.screenshot("admin-release-status");
		this.browser.click("#save-status");
		this.browser.awaitText("#notice", "is deprecated");
		assertThat(this.browser.text(row)).contains("DEPRECATED").contains("Preview over");

		this.browser.click("#add-profile");
		this.browser.awaitPath("/admin/tools/profiles/new");
		String profile = "p" + version.replace(".", "-");
		this.browser.type("name", profile);
		this.browser.type("displayName", "Wide: 2 CPU, 8 GiB");
		this.browser.type("cpuRequestMilli", "2000");
		this.browser.type("cpuLimitMilli", "1000");
		this.browser.type("memoryRequestMib", "8192");
		this.browser.type("memoryLimitMib", "8192");
		this.browser.type("idleTimeoutMinutes", "240");
		this.browser.click("#save-profile");
		this.browser.awaitText(".govuk-error-summary", "Enter a CPU limit at least the request");
		this.browser.assertAccessible();
		this.browser.type("cpuLimitMilli", "2000");
		this.browser.click("#save-profile");
		this.browser.awaitText("#notice", "Created Wide: 2 CPU, 8 GiB");
		this.browser.find("#profile-" + profile + " a").click();
		this.browser.awaitPath("/admin/tools/profiles/" + profile);
		this.browser.assertAccessible();
		this.browser.type("idleTimeoutMinutes", "120");
		this.browser.click("#save-profile");
		this.browser.awaitText("#profile-" + profile, "120 minutes");

		ToolInstance started = this.instances.create(analystTools, Tool.JUPYTERLAB, version, profile);
		String instance = "#instance-" + analyst.username() + "-jupyterlab";
		await().atMost(START).ignoreExceptions().untilAsserted(() -> {
			this.browser.open("/admin/tools/instances");
			assertThat(this.browser.text(instance)).contains("FAILED")
				.contains("ImagePullBackOff")
				.contains(UNPULLABLE);
		});
		assertThat(this.browser.text(instance)).contains(profile).contains("never");
		assertThat(this.browser.text("#age-" + analyst.username() + "-jupyterlab")).isNotBlank();
		assertThat(this.browser.text("#release-users")).contains("JupyterLab " + version);
		this.browser.assertAccessible();
		this.browser.screenshot("admin-tool-instances");
		this.browser.click("#stop-" + analyst.username() + "-jupyterlab");
		this.browser.awaitText("#notice", "Stopping " + analyst.username() + "'s JupyterLab " + version);
		await().atMost(START)
			.until(() -> this.instances.get(analystTools, started.id()).phase().name(), "STOPPED"::equals);

		String adminName = admin.username();
		assertThat(superuserQuery("SELECT action FROM audit_event WHERE actor_username = ? ORDER BY id", adminName))
			.containsSubsequence("tool.release.added", "tool.release.status.changed", "tool.profile.created",
					"tool.profile.changed", "tool.stopped.by_admin");
	}

	@Test
	void anAnalystSwitchesReleaseAndProfileCancelsAStartResetsAndDeletesTheirToolThroughThePages() {
		Enrolled admin = this.users.enrolled("switch-admin", Role.PLATFORM_ADMIN);
		Enrolled analyst = this.users.enrolled("switcher");
		ToolUser analystTools = toolUser(analyst);
		this.owners.add(analystTools);
		ToolUser adminTools = new ToolUser(admin.user().id(), admin.username(), Set.of(), true);
		String version = String.valueOf(System.nanoTime() % 100_000);
		String old = "8.0." + version;
		String next = "8.1." + version;
		String nextImage = "quay.io/jupyter/scipy-notebook@sha256:" + "b".repeat(64);
		this.catalogue.changeStatus(adminTools, this.catalogue
			.addRelease(adminTools, new NewRelease(Tool.JUPYTERLAB, old, "JupyterLab " + old,
					"quay.io/jupyter/scipy-notebook@sha256:" + "a".repeat(64), 8888, "/api", List.of(), "small"))
			.id(), new StatusChange(ReleaseStatus.DEPRECATED, "Switch to JupyterLab " + next + ".", null, null, null));
		this.catalogue.changeStatus(adminTools,
				this.catalogue
					.addRelease(adminTools,
							new NewRelease(Tool.JUPYTERLAB, next, "JupyterLab " + next, nextImage, 8888, "/api",
									List.of(), "small"))
					.id(),
				new StatusChange(ReleaseStatus.RESTRICTED, null, null, Set.of(analyst.username()), null));
		String tooBig = "quota-" + version;
		this.catalogue.createProfile(adminTools, new ResourceProfile(tooBig, "More CPU than your quota " + version,
				16_000, 16_000, 1024, 1024, Duration.ofHours(1), null));
		signIn(analyst);

		this.browser.open("/tools");
		this.browser.select("tool", "jupyterlab");
		this.browser.select("release", "JupyterLab " + old);
		this.browser.click("#start");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> onProgressPageOr("https://" + analyst.username() + "-jupyterlab.tools.test/"));
		ToolInstance started = this.instances.mine(analystTools).get(0);
		awaitPhase(analystTools, started, InstancePhase.READY);
		this.browser.open("/tools");
		this.browser.awaitText("#state-jupyterlab", "READY");
		assertThat(this.browser.text("#notice-jupyterlab")).isEqualTo("Deprecated: Switch to JupyterLab " + next + ".");
		assertThat(this.browser.text("#idle-jupyterlab")).contains("Not used yet; stops if unused at");
		this.browser.assertAccessible();
		this.browser.screenshot("tools-deprecated");

		this.browser.click("#change-jupyterlab");
		this.browser.awaitPath("/tools/" + started.id() + "/change");
		this.browser.assertAccessible();
		this.browser.click("#switch");
		this.browser.awaitText(".govuk-error-summary", "Choose a release or a profile different from the ones it has");
		assertThat(this.browser.text("#release-error")).contains("Choose a release");
		this.browser.assertAccessible();
		this.browser.select("release", "JupyterLab " + next);
		this.browser.screenshot("tools-switch");
		this.browser.click("#switch");
		this.browser.awaitText("#notice", "Switched jupyterlab to JupyterLab " + next);
		await().atMost(START).untilAsserted(() -> {
			ToolInstance now = this.instances.get(analystTools, started.id());
			assertThat(now.observedImage()).isEqualTo(nextImage);
			assertThat(now.phase()).isEqualTo(InstancePhase.READY);
		});
		this.browser.open("/tools");
		this.browser.awaitText("#release-jupyterlab", "JupyterLab " + next);
		assertThat(this.browser.all("#notice-jupyterlab")).isEmpty();

		this.browser.click("#reset-jupyterlab");
		this.browser.awaitText("#confirm-heading", "Reset your jupyterlab?");
		assertThat(this.browser.text("#consequence")).contains("Your home directory and its files are kept");
		this.browser.assertAccessible();
		this.browser.screenshot("tools-reset");
		this.browser.click("#confirm");
		this.browser.awaitText("#notice", "Resetting jupyterlab");
		awaitPhase(analystTools, started, InstancePhase.READY);
		ToolInstance reset = this.instances.get(analystTools, started.id());
		assertThat(reset.createdAt()).as("its age").isEqualTo(started.createdAt());
		assertThat(reset.since()).as("in this state since").isAfter(started.createdAt());

		this.browser.open("/tools/" + started.id() + "/change");
		this.browser.select("profile", "More CPU than your quota " + version);
		this.browser.click("#switch");
		this.browser.awaitText("#notice", "More CPU than your quota");
		await().atMost(START)
			.until(() -> this.instances.get(analystTools, started.id()).phase(), InstancePhase.CREATING::equals);
		this.browser.open("/tools/" + started.id() + "/progress");
		await().atMost(START).ignoreExceptions().until(() -> this.browser.find("#slow").isDisplayed());
		assertThat(this.browser.text("#slow")).contains("This is taking longer than usual");
		assertThat(this.browser.attribute("#tool-progress", "data-live")).as("follows the stream").isEqualTo("sse");
		this.browser.assertAccessible();
		this.browser.open("/tools");
		this.browser.awaitText("#state-jupyterlab", "CREATING");
		assertThat(this.browser.all("#progress-jupyterlab")).hasSize(1);
		assertThat(this.browser.text("#slow-jupyterlab")).isEqualTo("This is taking longer than usual.");
		this.browser.assertAccessible();
		this.browser.click("#cancel-jupyterlab");
		this.browser.awaitText("#notice", "Cancelled the start of jupyterlab");
		await().atMost(START).ignoreExceptions().untilAsserted(() -> {
			assertThat(this.browser.text("#state-jupyterlab")).as("updated in place").isEqualTo("STOPPED");
			assertThat(this.browser.find("#tools-live").getAttribute("textContent")).isEqualTo("jupyterlab: STOPPED");
		});
		assertThat(this.browser.attribute("#my-tools", "data-live")).as("followed the stream").isEqualTo("sse");

		this.browser.click("#delete-jupyterlab");
		this.browser.awaitText("#confirm-heading", "Delete your jupyterlab?");
		assertThat(this.browser.text("#consequence")).contains("Your home directory and its files are kept");
		this.browser.assertAccessible();
		this.browser.click("#delete-home");
		this.browser.awaitText("#confirm-heading", "Delete your jupyterlab and its home directory?");
		assertThat(this.browser.text("#consequence")).contains("deleted with every file in it")
			.contains("cannot be undone");
		this.browser.assertAccessible();
		this.browser.screenshot("tools-delete-home");
		this.browser.click("#confirm");
		this.browser.awaitText("#notice", "Deleting jupyterlab and its home directory");
		await().atMost(START).until(() -> this.instances.mine(analystTools).isEmpty());

		assertThat(superuserQuery("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id",
				started.id().toString()))
			.containsSubsequence("tool.started", "tool.release.switched", "tool.reset", "tool.release.switched",
					"tool.start.cancelled", "tool.deleted");
		assertThat(superuserQuery(
				"SELECT details->>'homeDeleted' FROM audit_event WHERE target_id = ? "
						+ "AND action = 'tool.deleted' AND actor_username = ?",
				started.id().toString(), analyst.username()))
			.containsExactly("true");
	}

	@Test
	void withoutEventSourceTheProgressPageFollowsTheStartByPolling() {
		Enrolled analyst = this.users.enrolled("poller");
		ToolUser analystTools = toolUser(analyst);
		ToolInstance started = startBeyondQuota(analystTools);
		this.browser.withoutEventSource();
		signIn(analyst);

		this.browser.open("/tools/" + started.id() + "/progress");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> "poll".equals(this.browser.attribute("#tool-progress", "data-live")));
		this.instances.cancel(analystTools, started.id());

		this.browser.awaitText("#state-name", "STOPPED");
		assertThat(this.browser.path()).isEqualTo("/tools/" + started.id() + "/progress");
	}

	@Test
	void whenItsStreamFailsThreeTimesTheProgressPagePollsInsteadAndStillGoesOnToTheReadyTool() {
		Enrolled analyst = this.users.enrolled("flaky");
		ToolUser analystTools = toolUser(analyst);
		ToolInstance started = startBeyondQuota(analystTools);
		this.browser.withFailingEventSource();
		signIn(analyst);
		this.browser.open("/tools/" + started.id() + "/progress");
		await().atMost(Duration.ofSeconds(10))
			.until(() -> this.browser.script("return window.streamsOpened()"), Long.valueOf(1)::equals);

		this.browser.failStreams();
		this.browser.failStreams();
		assertThat(this.browser.attribute("#tool-progress", "data-live")).as("two errors: the stream may recover")
			.isNull();
		assertThat(this.browser.failStreams()).as("no other stream opened").isEqualTo(1);

		assertThat(this.browser.attribute("#tool-progress", "data-live")).isEqualTo("poll");
		this.instances.change(analystTools, started.id(), null, "small");
		await().atMost(START).until(this.browser::url, started.url()::equals);
	}

	/**
	 * Starts the user's JupyterLab with a new profile beyond their namespace's quota: it
	 * stays CREATING (no pod can be made) until it is switched or cancelled.
	 */
	private ToolInstance startBeyondQuota(ToolUser analyst) {
		this.owners.add(analyst);
		Enrolled admin = this.users.enrolled("quota-admin", Role.PLATFORM_ADMIN);
		String tooBig = "big-" + (System.nanoTime() % 100_000);
		this.catalogue.createProfile(new ToolUser(admin.user().id(), admin.username(), Set.of(), true),
				new ResourceProfile(tooBig, "More CPU than the quota", 16_000, 16_000, 1024, 1024, Duration.ofHours(1),
						null));
		ToolInstance started = this.instances.create(analyst, Tool.JUPYTERLAB, null, tooBig);
		awaitPhase(analyst, started, InstancePhase.CREATING);
		return started;
	}

	/** Whether the browser is on a progress page, or has gone on to the tool. */
	private boolean onProgressPageOr(String tool) {
		String url = this.browser.url();
		return url.equals(tool) || url.matches("http://127\\.0\\.0\\.1:[0-9]+/tools/[0-9a-f-]{36}/progress(\\?.*)?");
	}

	private void awaitPhase(ToolUser owner, ToolInstance instance, InstancePhase phase) {
		await().atMost(START).until(() -> this.instances.get(owner, instance.id()).phase(), phase::equals);
	}

	private static ToolUser toolUser(Enrolled user) {
		return new ToolUser(user.user().id(), user.username(), Set.of(), false);
	}

}

package uk.gov.analyticalplatform.api.browser;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.testing.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The app journey in a real browser: an analyst registers an app, adds viewers up to the
 * limit, is refused the 51st in a GOV.UK error summary, and reads the availability notice
 * on the app's pages and in front of the app; the home page lists the apps one owns and
 * the apps shared with one; every page visited is checked for accessibility.
 */
class AppsBrowserIT extends BrowserIntegrationTest {

	@Autowired
	Apps apps;

	@Autowired
	AppReleases releases;

	@Autowired
	private AppViewers viewers;

	@Test
	void anAnalystRegistersAnAppAddsViewersToTheLimitAndIsRefusedTheFiftyFirst() {
		Enrolled analyst = this.users.enrolled("app-analyst");
		String name = "bail-" + UUID.randomUUID().toString().substring(0, 6);
		signIn(analyst);

		this.browser.open("/apps");
		this.browser.awaitText("#availability-notice", "95%");
		this.browser.assertAccessible();
		this.browser.click("#register-app");
		this.browser.awaitPath("/apps/new");
		this.browser.assertAccessible();
		this.browser.type("name", name);
		this.browser.type("description", "Bail decisions dashboard");
		this.browser.type("repositoryUrl", "https://gitlab.example/moj/" + name);
		this.browser.type("imageRepository", "ghcr.io/moj/" + name);
		this.browser.click("#register");
		this.browser.awaitText(".govuk-error-summary", "https://github.com/");
		this.browser.assertAccessible();
		this.browser.type("repositoryUrl", "https://github.com/moj/" + name);
		this.browser.click("#register");
		this.browser.awaitPath("/apps/" + name);
		this.browser.awaitText("#notice", "Registered " + name);
		assertThat(this.browser.text("#availability-notice")).contains("95% of the time")
			.contains("office hours, Monday to Friday")
			.contains("critical or official line-of-business");
		assertThat(this.browser.text("#viewer-count")).isEqualTo("0 of 50 viewers");
		this.browser.assertAccessible();

		this.browser.type("email", "first.viewer@justice.gov.uk");
		this.browser.click("#add-viewer");
		this.browser.awaitText("#viewer-count", "1 of 50 viewers");
		Caller owner = new Caller(analyst.user().id().toString(), analyst.username(), false);
		for (int i = 2; i < 50; i++) {
			this.viewers.add(owner, name, "viewer" + i + "@justice.gov.uk");
		}
		this.browser.open("/apps/" + name);
		this.browser.type("email", "fiftieth@justice.gov.uk");
		this.browser.click("#add-viewer");
		this.browser.awaitText("#viewer-count", "50 of 50 viewers");

		this.browser.type("email", "fifty-first@justice.gov.uk");
		this.browser.click("#add-viewer");
		this.browser.awaitText(".govuk-error-summary", "already has 50 viewers");
		assertThat(this.browser.text("#email-error")).contains("remove a viewer before adding another");
		assertThat(this.browser.text("#viewer-count")).isEqualTo("50 of 50 viewers");
		assertThat(this.browser.text("#viewers")).doesNotContain("fifty-first@justice.gov.uk");
		this.browser.assertAccessible();

		this.browser
			.open("/apps/notice?rd=" + URLEncoder.encode("https://" + name + ".apps.test/", StandardCharsets.UTF_8));
		this.browser.awaitText("h1", "Before you open " + name);
		assertThat(this.browser.text("#availability-notice")).contains("95% of the time");
		this.browser.assertAccessible();
	}

	@Test
	void anOwnerSeesTheAppsDataAccessAndAsksForMore() {
		Enrolled owner = this.users.enrolled("app-data-owner");
		String name = "courts-" + UUID.randomUUID().toString().substring(0, 6);
		Caller caller = new Caller(owner.user().id().toString(), owner.username(), false);
		this.apps.register(caller,
				new NewApp(name, "Court listings dashboard", "https://github.com/moj/" + name, "ghcr.io/moj/" + name));
		this.releases.register(caller, name, "ghcr.io/moj/" + name + "@sha256:" + "a".repeat(64));
		signIn(owner);

		this.browser.open("/apps/" + name);
		this.browser.awaitText("#data-access-heading", "Data access");
		assertThat(this.browser.text("#app-role")).contains("no IAM role");
		this.browser.assertAccessible();
		this.browser.screenshot("app-page");

		this.browser.type("dataset", "no-such-dataset");
		this.browser.type("justification", "the dashboard shows court listings");
		this.browser.click("#request-data");
		this.browser.awaitText(".govuk-error-summary", "no-such-dataset");
		this.browser.assertAccessible();
		this.browser.screenshot("app-data-access-refused");
	}

	@Test
	void anOwnerRegistersVersionsByTagDeploysRollsBackSharesOwnershipKeepsASecretAndDeletesTheApp() {
		Enrolled owner = this.users.enrolled("app-releaser");
		Enrolled colleague = this.users.enrolled("app-colleague");
		String name = "releases-" + UUID.randomUUID().toString().substring(0, 6);
		String repository = TestRegistry.repository("moj/" + name);
		Caller caller = new Caller(owner.user().id().toString(), owner.username(), false);
		this.apps.register(caller, new NewApp(name, "Release notes", "https://github.com/moj/" + name, repository));
		String v1 = TestRegistry.push("moj/" + name, "v1", "first build");
		String v2 = TestRegistry.push("moj/" + name, "v2", "second build");
		signIn(owner);

		this.browser.open("/apps/" + name);
		this.browser.awaitText("#versions-heading", "Versions");
		this.browser.type("image", repository + ":v1");
		this.browser.click("#register-version");
		this.browser.awaitText("#versions", repository + "@" + v1);
		this.browser.type("image", repository + ":v2");
		this.browser.click("#register-version");
		this.browser.awaitText("#versions", repository + "@" + v2);
		this.browser.click("#deploy-2");
		this.browser.awaitText("#deploy-1", "Roll back to 1");
		this.browser.assertAccessible();
		this.browser.click("#deploy-1");
		this.browser.awaitText("#deploy-2", "Deploy 2");
		assertThat(this.browser.find("#history").getAttribute("textContent")).contains("rolled back to version 1")
			.contains("deployed version 2");

		this.browser.type("secret", "DB_PASSWORD");
		this.browser.type("secretValue", "correct horse battery staple");
		this.browser.click("#set-secret");
		this.browser.awaitText("#secrets", "DB_PASSWORD");
		assertThat(this.browser.fetch("/apps/" + name)).doesNotContain("correct horse battery staple");
		this.browser.type("username", colleague.username());
		this.browser.click("#add-owner");
		this.browser.awaitText("#owners", colleague.username());
		this.browser.assertAccessible();

		this.browser.click("#delete-app");
		this.browser.awaitPath("/apps");
		this.browser.awaitText("#notice", "Deleted " + name);
		this.browser.assertAccessible();
	}

	@Test
	void aPlatformAdminSeesEveryAppOnTheAdminPage() {
		Enrolled owner = this.users.enrolled("app-listed-owner");
		String name = "listed-" + UUID.randomUUID().toString().substring(0, 6);
		this.apps.register(new Caller(owner.user().id().toString(), owner.username(), false),
				new NewApp(name, "Listed", "https://github.com/moj/" + name, "ghcr.io/moj/" + name));
		signIn(this.users.enrolled("apps-platform-admin", Role.PLATFORM_ADMIN));

		this.browser.open("/admin/apps");
		this.browser.awaitText("#all-apps", name);
		this.browser.assertAccessible();
	}

	@Test
	void theHomePageListsTheAppsOneOwnsAndTheAppsSharedWithOne() {
		Enrolled analyst = this.users.enrolled("app-home");
		Enrolled colleague = this.users.enrolled("app-colleague");
		String own = "own-" + analyst.username().replaceAll("[^a-z0-9]", "").substring(0, 8);
		String shared = "shared-" + colleague.username().replaceAll("[^a-z0-9]", "").substring(0, 8);
		this.apps.register(caller(analyst),
				new NewApp(own, "Mine", "https://github.com/moj/" + own, "ghcr.io/moj/" + own));
		this.apps.register(caller(colleague),
				new NewApp(shared, "Theirs", "https://github.com/moj/" + shared, "ghcr.io/moj/" + shared));
		this.viewers.add(caller(colleague), shared, analyst.user().email().toUpperCase());
		signIn(analyst);

		this.browser.open("/");

		this.browser.awaitText("#your-apps", own);
		assertThat(this.browser.text("#dash-owned-apps")).contains(own).doesNotContain(shared);
		assertThat(this.browser.text("#dash-viewable-apps")).contains(shared);
		assertThat(this.browser.find("#dash-viewable-apps a").getAttribute("href"))
			.isEqualTo("https://" + shared + ".apps.test/");
		assertThat(this.browser.text("#dash-no-tools")).contains("You have no tools yet");
		this.browser.assertAccessible();
		this.browser.screenshot("home-your-apps");
	}

	private static Caller caller(Enrolled user) {
		return Caller.user(user.user().id().toString(), user.username());
	}

}

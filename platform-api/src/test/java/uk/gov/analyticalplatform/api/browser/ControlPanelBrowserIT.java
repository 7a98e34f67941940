package uk.gov.analyticalplatform.api.browser;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.api.support.TestTotp;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control panel in a real browser, with an accessibility check of every page visited.
 */
class ControlPanelBrowserIT extends BrowserIntegrationTest {

	@Test
	void aLocalUserSignsInEnrolsTotpSignsOutAndSignsInAgainWithAFreshCode() {
		UserAccount user = this.users.unenrolled("browser");
		this.browser.open("/");
		this.browser.awaitPath("/sign-in");
		assertThat(this.browser.text("[data-test=environment-name]")).isEqualTo("Test setup");
		assertThat(this.browser.text("[data-test=local-setup-banner]")).contains("Local setup, not for real data");
		this.browser.screenshot("sign-in");
		this.browser.assertAccessible();

		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.awaitPath("/sign-in/two-factor/enrol");
		assertThat(this.browser.find("#qr-code").getAttribute("src")).startsWith("data:image/png;base64,");
		this.browser.screenshot("two-factor-enrol");
		this.browser.assertAccessible();
		String secret = this.browser.text("#secret").replace(" ", "");
		this.browser.type("code", TestTotp.code(secret, this.clock.instant()));
		this.browser.click("#confirm");
		assertThat(this.browser.all("#recovery-codes li")).hasSize(10);
		this.browser.screenshot("recovery-codes");
		this.browser.assertAccessible();
		this.browser.click("#continue");
		assertThat(this.browser.text("#username")).isEqualTo(user.username());
		this.browser.assertAccessible();

		this.browser.click("nav button[type=submit]");
		this.browser.awaitPath("/sign-in");
		assertThat(this.browser.text("main")).contains("You have signed out");
		this.browser.open("/");
		this.browser.awaitPath("/sign-in");

		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.awaitPath("/sign-in/two-factor");
		this.browser.assertAccessible();
		this.browser.type("code", freshCode(secret));
		this.browser.click("#verify");
		this.browser.awaitPath("/");
		assertThat(this.browser.text("#welcome")).contains("browser");
		assertThat(this.browser.text("#roles")).contains("ANALYST");
	}

	@Test
	void badInputIsExplainedInAnErrorSummary() {
		this.browser.open("/sign-in");
		this.browser.click("#sign-in");
		assertThat(this.browser.text(".govuk-error-summary")).contains("Enter your username")
			.contains("Enter your password");
		this.browser.assertAccessible();
		signInWithPassword("nobody-at-all", "not a real password");
		assertThat(this.browser.text(".govuk-error-summary")).contains("username or password is not right");

		Enrolled user = this.users.enrolled("wrongcode");
		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.type("code", "123");
		this.browser.click("#verify");
		assertThat(this.browser.text(".govuk-error-summary")).contains("not right");
		this.browser.assertAccessible();
		this.browser.open("/sign-in/recovery-code");
		this.browser.assertAccessible();
	}

	@Test
	void anAdminManagesUsersAndTokensFromTheControlPanel() {
		Enrolled admin = this.users.enrolled("webadmin", Role.PLATFORM_ADMIN);
		signInWithPassword(admin.username(), SignedInUsers.PASSWORD);
		this.browser.type("code", freshCode(admin.secret()));
		this.browser.click("#verify");
		assertThat(this.browser.text("#roles")).contains("PLATFORM_ADMIN");

		this.browser.open("/admin/users");
		this.browser.assertAccessible();
		this.browser.click("#add-user");
		this.browser.awaitPath("/admin/users/new");
		this.browser.assertAccessible();
		this.browser.type("username", "made-in-browser-" + System.nanoTime() % 100000);
		this.browser.type("displayName", "Made In Browser");
		this.browser.click("#create-user");
		assertThat(this.browser.text("#initial-password")).hasSizeGreaterThanOrEqualTo(12);
		this.browser.assertAccessible();

		this.browser.open("/account/tokens");
		this.browser.assertAccessible();
		this.browser.click("#create-token");
		assertThat(this.browser.text(".govuk-error-summary")).contains("Enter a name").contains("Choose at least one");
		this.browser.type("name", "browser token");
		this.browser.click("#scopes");
		this.browser.click("#create-token");
		assertThat(this.browser.text("#new-token")).startsWith("apt_");
		assertThat(this.browser.text("table")).contains("browser token");
		this.browser.assertAccessible();

		this.browser.open("/account/password");
		this.browser.assertAccessible();

		this.browser.open("/admin/audit?action=user.");
		assertThat(this.browser.text("#events")).contains("user.created").contains(admin.username());
		this.browser.assertAccessible();
		this.browser.click("#verify");
		assertThat(this.browser.text("#verify-report")).contains("The log is intact");
		this.browser.assertAccessible();
	}

}

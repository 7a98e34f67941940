package uk.gov.analyticalplatform.api.browser;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control panel's error pages, notifications, navigation and confirmations in a real
 * browser, each page checked for accessibility.
 */
class ControlPanelPagesBrowserIT extends BrowserIntegrationTest {

	@Test
	void errorPagesAreControlPanelPagesThatNameTheRequest() {
		signIn(this.users.enrolled("lost"));
		this.browser.open("/no-such-page");
		assertThat(this.browser.text("h1")).isEqualTo("Page not found");
		assertThat(this.browser.text("#request-id")).matches("[0-9a-f-]{36}");
		assertThat(this.browser.text("body")).doesNotContain("Whitelabel").doesNotContain("null");
		this.browser.assertAccessible();
		this.browser.open("/admin/users");
		assertThat(this.browser.text("h1")).isEqualTo("You cannot see this page");
		this.browser.assertAccessible();
		this.browser.open("/test/broken-page");
		assertThat(this.browser.text("h1")).isEqualTo("Sorry, there is a problem with the service");
		assertThat(this.browser.text("body")).doesNotContain("secret internal detail");
		assertThat(this.browser.find("#request-id").getText()).isNotBlank();
		this.browser.assertAccessible();
	}

	@Test
	void aNotificationShowsOnceAfterTheAction() {
		signIn(this.users.enrolled("notified"));
		this.browser.click("#sign-out");
		this.browser.awaitPath("/sign-in");
		assertThat(this.browser.text("#notice")).contains("You have signed out");
		this.browser.assertAccessible();
		this.browser.open("/sign-in");
		assertThat(this.browser.all("#notice")).isEmpty();
	}

	@Test
	void navigationFollowsTheRolesAndMarksTheCurrentPage() {
		signIn(this.users.enrolled("navigator"));
		assertThat(this.browser.all("#nav-users")).isEmpty();
		assertThat(this.browser.all("#nav-approvals")).isEmpty();
		assertThat(this.browser.find("#nav-home").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.text("#dashboard")).contains("You do not have access to any dataset yet")
			.contains("None of your requests is waiting");
		this.browser.screenshot("analyst-home");
		this.browser.assertAccessible();
		this.browser.click("#nav-my-data");
		this.browser.awaitPath("/data");
		assertThat(this.browser.find("#nav-my-data").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.find("#nav-home").getAttribute("aria-current")).isNull();
		assertThat(this.browser.text("main")).doesNotContain("READY");
		assertThat(this.browser.text("#no-pending")).contains("None of your requests");
		this.browser.assertAccessible();
		this.browser.open("/account/tokens");
		assertThat(this.browser.all("input[name=scopes]")).extracting((box) -> box.getAttribute("value"))
			.doesNotContain("users:admin", "audit:read")
			.contains("profile:read");
		this.browser.screenshot("api-tokens");
	}

	@Test
	void anAdminSearchesUsersAndConfirmsBeforeSuspendingOne() {
		Enrolled target = this.users.enrolled("suspendable");
		signIn(this.users.enrolled("confirmer", Role.PLATFORM_ADMIN));
		assertThat(this.browser.all("#nav-users")).hasSize(1);
		assertThat(this.browser.all("#nav-approvals")).hasSize(1);
		this.browser.open("/admin/users?q=" + target.username());
		assertThat(this.browser.all("tbody tr")).hasSize(1);
		assertThat(this.browser.find("#nav-users").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.all("main form[method=post]")).as("a risky action in one click").isEmpty();
		this.browser.screenshot("platform-admin-users");
		this.browser.assertAccessible();
		this.browser.click("tbody tr a");
		assertThat(this.browser.text("#confirm-heading")).isEqualTo("Suspend " + target.username() + "?");
		assertThat(this.browser.text("#consequence")).contains("stop working at once");
		this.browser.screenshot("platform-admin-suspend-user");
		this.browser.assertAccessible();
		this.browser.click("#confirm");
		this.browser.awaitPath("/admin/users");
		assertThat(this.browser.text("main")).contains("Suspended " + target.username());

		this.browser.open("/admin/audit");
		this.browser.awaitText("main", "user.suspended");
		this.browser.screenshot("platform-admin-audit");
		this.browser.assertAccessible();
	}

	@Test
	void newRecoveryCodesAreMadeOnlyAfterConfirmingAndARefreshMakesNoMore() {
		Enrolled user = this.users.enrolled("codes");
		signIn(user);
		this.browser.click("#new-recovery-codes");
		assertThat(this.browser.text("#consequence")).contains("stop working at once");
		this.browser.assertAccessible();
		this.browser.click("#confirm");
		this.browser.awaitPath("/account/recovery-codes/new");
		assertThat(this.browser.all("#recovery-codes li")).hasSize(10);
		this.browser.open("/account/recovery-codes/new");
		this.browser.awaitPath("/");
		assertThat(auditEvents("totp.recovery_codes.regenerated", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void tooManyWrongPasswordsAreExplainedWithoutATimestamp() {
		Enrolled user = this.users.enrolled("throttledweb");
		for (int i = 0; i < 6; i++) {
			signInWithPassword(user.username(), "wrong password " + i);
		}
		this.browser.awaitTextMatching(".govuk-error-summary",
				"Too many attempts to sign in\\. Wait [1-3]?[0-9] seconds, then try again\\.");
		this.browser.assertAccessible();
		this.clock.advance(java.time.Duration.ofMinutes(31));
	}

}

package uk.gov.analyticalplatform.api.browser;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.api.support.TestTotp;
import uk.gov.analyticalplatform.identity.CreatedUser;
import uk.gov.analyticalplatform.identity.NewUser;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The steps of signing in in a real browser: recovery codes, enrolment, the forced
 * password change; each page checked for accessibility.
 */
class SignInStepsBrowserIT extends BrowserIntegrationTest {

	@Autowired
	private Users accounts;

	@Test
	void aWrongRecoveryCodeIsCalledARecoveryCode() {
		Enrolled user = this.users.enrolled("recovering");
		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.awaitPath("/sign-in/two-factor");
		this.browser.open("/sign-in/recovery-code");
		this.browser.type("code", "abcd-efgh-jkmn-pqrs");
		this.browser.click("#redeem");
		this.browser.awaitText(".govuk-error-summary", "That recovery code is not right, or it has been used already");
		assertThat(this.browser.text(".govuk-error-summary")).doesNotContain("authenticator");
		this.browser.assertAccessible();
	}

	@Test
	void theEnrolmentPageOffersASignOut() {
		UserAccount user = this.users.unenrolled("leaving");
		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.awaitPath("/sign-in/two-factor/enrol");
		assertThat(this.browser.all("#navigation a")).as("links that lead back here").isEmpty();
		this.browser.click("#sign-out");
		this.browser.awaitPath("/sign-in");
		assertThat(this.browser.text("#notice")).contains("You have signed out");
		this.browser.open("/sign-in/two-factor/enrol");
		this.browser.awaitPath("/sign-in");
	}

	@Test
	void aRefreshAfterEnrolmentSendsNothingAgainAndTheForcedPasswordChangeShowsNoNavigation() {
		UserAccount admin = this.users.admin();
		String username = "fresh-" + System.nanoTime() % 1_000_000;
		CreatedUser created = this.accounts.create(admin.id(),
				new NewUser(username, username + "@example.org", "Fresh"));
		signInWithPassword(username, created.initialPassword());
		this.browser.awaitPath("/sign-in/two-factor/enrol");
		String secret = this.browser.text("#secret").replace(" ", "");
		this.browser.type("code", TestTotp.code(secret, this.clock.instant()));
		this.browser.click("#confirm");
		this.browser.awaitPath("/account/recovery-codes/new");
		assertThat(this.browser.all("#recovery-codes li")).hasSize(10);
		this.browser.refresh();
		this.browser.awaitPath("/account/password");
		assertThat(auditEvents("totp.enrolled", created.user().id().toString())).isEqualTo(1);
		assertThat(auditEvents("totp.recovery_codes.regenerated", created.user().id().toString())).isZero();

		assertThat(this.browser.all("#navigation a")).as("links that lead back here").isEmpty();
		assertThat(this.browser.all("#sign-out")).hasSize(1);
		this.browser.assertAccessible();

		this.browser.type("currentPassword", created.initialPassword());
		this.browser.type("newPassword", SignedInUsers.PASSWORD);
		this.browser.type("confirmPassword", SignedInUsers.PASSWORD);
		this.browser.click("#change-password");
		this.browser.awaitPath("/");
		assertThat(this.browser.text("#notice")).contains("Your password has been changed");
		assertThat(this.browser.all("#navigation a")).isNotEmpty();
		this.browser.open("/");
		assertThat(this.browser.all("#notice")).as("the notice shows once").isEmpty();
	}

	@Test
	void everyPartOfThePageIsInsideALandmark() {
		this.browser.open("/sign-in");
		assertThat(this.browser.all("[data-test=local-setup-banner]")).hasSize(1);
		assertThat(this.browser.violations("region")).isEmpty();
		Enrolled user = this.users.enrolled("landmarks");
		signInWithPassword(user.username(), SignedInUsers.PASSWORD);
		this.browser.type("code", freshCode(user.secret()));
		this.browser.click("#verify");
		this.browser.awaitPath("/");
		assertThat(this.browser.violations("region")).isEmpty();
	}

}

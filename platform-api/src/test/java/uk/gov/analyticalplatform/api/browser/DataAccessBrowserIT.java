package uk.gov.analyticalplatform.api.browser;

import java.time.Duration;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserAccount;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The data access journey in a real browser: an analyst asks for access, a data admin
 * approves it, and the analyst sees it applied to AWS (the emulator); every page visited
 * is checked for accessibility.
 */
class DataAccessBrowserIT extends BrowserIntegrationTest {

	@Autowired
	private DatasetCatalog catalog;

	@Autowired
	private Groups groups;

	@Test
	void anAnalystRequestsADataAdminApprovesAndTheAnalystSeesItAppliedToAws() {
		Enrolled analyst = this.users.enrolled("analyst");
		Enrolled approver = this.users.enrolled("approver");
		Dataset dataset = dataset("journey", approver);

		signIn(analyst);
		this.browser.open("/data/datasets?q=" + dataset.name());
		assertThat(this.browser.text("#datasets")).contains(dataset.name()).contains("OFFICIAL").contains("S3");
		this.browser.screenshot("analyst-find-dataset");
		this.browser.assertAccessible();
		this.browser.click("#datasets a");
		assertThat(this.browser.text("#dataset-name")).isEqualTo(dataset.name());
		this.browser.awaitText("#my-access", "You do not have access");
		assertThat(this.browser.all("#manage-access")).isEmpty();
		this.browser.assertAccessible();

		this.browser.click("#submit-request");
		this.browser.awaitText(".govuk-error-summary", "Enter why you need access");
		this.browser.assertAccessible();
		this.browser.type("paths", "../secrets/");
		this.browser.type("justification", "Monthly prison population report");
		this.browser.click("#submit-request");
		this.browser.awaitText(".govuk-error-summary", "A path is made of segments");
		this.browser.awaitText("#paths-error", "A path is made of segments");
		this.browser.assertAccessible();
		this.browser.type("paths", "a/");
		this.browser.type("until-day", "31");
		this.browser.type("until-month", "2");
		this.browser.type("until-year", "2099");
		this.browser.click("#submit-request");
		this.browser.awaitText(".govuk-error-summary", "must be a real date");
		this.browser.type("until-day", "28");
		this.browser.screenshot("analyst-request-access");
		this.browser.click("#submit-request");
		this.browser.awaitPath("/data/requests");
		this.browser.awaitText("#done", "You asked for access to " + dataset.name());
		assertThat(this.browser.text("#requests [data-test=request-state]")).isEqualTo("PENDING");
		this.browser.screenshot("analyst-my-requests");
		this.browser.assertAccessible();
		this.browser.open("/data/datasets/" + dataset.id() + "/access");
		this.browser.awaitText("h1", "You do not have permission");
		signOut();

		signIn(approver);
		this.browser.open("/data/approvals");
		this.browser.awaitText("main", analyst.username() + " asks for " + dataset.name());
		assertThat(this.browser.text("main")).contains("Monthly prison population report").contains("a/ (Read)");
		this.browser.screenshot("data-admin-approvals");
		this.browser.assertAccessible();
		this.browser.click("[data-test=approve]");
		this.browser.awaitText(".govuk-error-summary", "Enter a reason for your decision");
		this.browser.assertAccessible();
		this.browser.find("textarea[name=reason]").sendKeys("Needed for the monthly report");
		this.browser.click("[data-test=approve]");
		this.browser.awaitPath("/data/approvals");
		this.browser.awaitText("#done", "Approved " + analyst.username() + "'s request");
		this.browser.awaitText("#no-approvals", "No requests are waiting");
		this.browser.assertAccessible();

		this.browser.open("/data/datasets/" + dataset.id() + "/access");
		assertThat(this.browser.text("#grants")).contains(analyst.username()).contains(approver.username());
		this.browser.screenshot("data-admin-dataset-access");
		this.browser.assertAccessible();
		String review = this.browser.fetch("/data/datasets/" + dataset.id() + "/access-review.csv");
		assertThat(review).startsWith("200\ngrant_id,dataset,principal_type")
			.contains(analyst.username())
			.contains("Monthly prison population report");
		signOut();

		signIn(analyst);
		this.browser.open("/data/requests");
		assertThat(this.browser.text("#requests")).contains("APPROVED").contains("Needed for the monthly report");
		this.browser.open("/data");
		Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
			this.browser.open("/data");
			assertThat(this.browser.text("#apply-status [data-test=apply-state]")).isEqualTo("READY");
			assertThat(this.browser.text("#allowed")).contains("s3://" + dataset.bucket() + "/a/");
		});
		assertThat(this.browser.text("#my-datasets")).contains(dataset.name()).contains("a/ (Read)");
		this.browser.screenshot("analyst-my-data");
		this.browser.assertAccessible();
	}

	@Test
	void aPlatformAdminManagesGroupsAndDatasetsAndGrantsAndRevokesDirectly() {
		Enrolled admin = this.users.enrolled("dataadmin", Role.PLATFORM_ADMIN);
		UserAccount member = this.users.unenrolled("member");
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		signIn(admin);

		this.browser.open("/admin/groups");
		this.browser.assertAccessible();
		this.browser.click("#create-group");
		this.browser.awaitText(".govuk-error-summary", "Enter a name for the group");
		this.browser.type("name", "team-" + suffix);
		this.browser.click("#create-group");
		this.browser.awaitText("#done", "Created group team-" + suffix);
		this.browser.find("[data-group=team-" + suffix + "] input[name=username]").sendKeys(member.username());
		this.browser.click("[data-group=team-" + suffix + "] [data-test=add-member]");
		this.browser.awaitText("[data-group=team-" + suffix + "]", member.username());
		this.browser.screenshot("platform-admin-groups");
		this.browser.assertAccessible();

		this.browser.open("/admin/datasets");
		this.browser.assertAccessible();
		this.browser.type("name", "made-in-browser-" + suffix);
		this.browser.type("description", "Registered from the control panel");
		this.browser.select("owner", "team-" + suffix);
		this.browser.click("#kind");
		this.browser.type("bucket", "browser-" + suffix);
		this.browser.click("#create-dataset");
		this.browser.awaitText("#done", "Registered made-in-browser-" + suffix);
		this.browser.screenshot("platform-admin-datasets");
		this.browser.assertAccessible();
		this.browser.click("[data-dataset=made-in-browser-" + suffix + "] a");
		this.browser.assertAccessible();

		this.browser.type("principal", "team-" + suffix);
		this.browser.click("#principal-type-group");
		this.browser.type("paths", "/absolute");
		this.browser.click("#grant");
		this.browser.awaitText(".govuk-error-summary", "A path is relative");
		this.browser.assertAccessible();
		this.browser.type("paths", "reports/");
		this.browser.click("#level-read-write");
		this.browser.click("#grant");
		this.browser.awaitText("#done", "Granted read and write access to Group team-" + suffix);
		assertThat(this.browser.text("#grants")).contains("Group team-" + suffix).contains("reports/ (Read and write)");
		this.browser.screenshot("platform-admin-grant");
		this.browser.click("[data-test=revoke]");
		this.browser.awaitText(".govuk-error-summary", "Enter why you are revoking it");
		this.browser.find("#grants input[name=reason]").sendKeys("Project finished");
		this.browser.click("[data-test=revoke]");
		this.browser.awaitText("#done", "Revoked access of Group team-" + suffix);
		this.browser.awaitText("#no-grants", "Nobody has access");
		this.browser.assertAccessible();
	}

	private Dataset dataset(String prefix, Enrolled dataAdmin) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Caller admin = Caller.platformAdmin(this.users.admin().id().toString(), "admin");
		Group owner = this.groups.create(admin, "owners-" + suffix, "Owns " + prefix);
		return this.catalog.create(admin,
				NewDataset
					.s3(prefix + "-" + suffix, "Prison population by month", owner.id(), Classification.OFFICIAL,
							"ui-" + prefix + "-" + suffix, "")
					.withDataAdmins(new UserRef(dataAdmin.user().id().toString(), dataAdmin.username())));
	}

	private void signOut() {
		this.browser.click("nav button[type=submit]");
		this.browser.awaitPath("/sign-in");
	}

}

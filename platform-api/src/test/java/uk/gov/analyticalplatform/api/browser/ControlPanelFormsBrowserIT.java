package uk.gov.analyticalplatform.api.browser;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The control panel's forms and the data admin's list in a real browser, 1280 pixels
 * wide, each page checked for accessibility.
 */
class ControlPanelFormsBrowserIT extends BrowserIntegrationTest {

	@Autowired
	private DatasetCatalog catalog;

	@Autowired
	private Groups groups;

	@Autowired
	private Grants grants;

	@Autowired
	private AccessRequests requests;

	@Test
	void aDataAdminListsTheDatasetsTheyManageWithTheRequestsWaiting() {
		Enrolled dataAdmin = this.users.enrolled("steward");
		Enrolled analyst = this.users.enrolled("asker");
		Dataset managed = dataset("managed", dataAdmin);
		dataset("unmanaged", null);
		this.requests.submit(caller(analyst), NewAccessRequest.of(managed.id(), AccessLevel.READ, "Monthly report"));

		signIn(dataAdmin);
		assertThat(this.browser.text("#dash-awaiting-count")).as("the home dashboard's requests awaiting me")
			.isEqualTo("1 request is waiting for you.");
		this.browser.click("#nav-managed");
		this.browser.awaitPath("/data/managed");
		assertThat(this.browser.find("#nav-managed").getAttribute("aria-current")).isEqualTo("page");
		assertThat(this.browser.all("#managed tbody tr")).hasSize(1);
		assertThat(this.browser.text("[data-dataset=" + managed.name() + "] [data-test=waiting]")).isEqualTo("1");
		this.browser.assertAccessible();
		this.browser.click("[data-dataset=" + managed.name() + "] [data-test=manage]");
		this.browser.awaitPath("/data/datasets/" + managed.id() + "/access");
		this.browser.signOut();

		signIn(analyst);
		assertThat(this.browser.text("#dash-pending")).as("the home dashboard's requests of mine")
			.isEqualTo("1 request is waiting for a decision.");
		assertThat(this.browser.all("#dash-awaiting")).as("nothing awaits an analyst's decision").isEmpty();
		assertThat(this.browser.all("#nav-managed")).isEmpty();
		this.browser.open("/data/managed");
		assertThat(this.browser.text("#no-managed")).contains("not a data admin");
	}

	@Test
	void theDatasetFormRevealsOnlyTheFieldsOfTheChosenKindAndChoosesNoOwnerTeam() {
		this.groups.create(adminCaller(), "owners-" + UUID.randomUUID().toString().substring(0, 8), "Owners");
		signIn(this.users.enrolled("registrar", Role.PLATFORM_ADMIN));
		this.browser.open("/admin/datasets");
		assertThat(this.browser.find("#owner").getAttribute("value")).isEmpty();
		assertThat(this.browser.find("#kind").isSelected()).isFalse();
		assertThat(this.browser.find("#kind-athena").isSelected()).isFalse();
		assertThat(this.browser.find("#bucket").isDisplayed()).isFalse();
		assertThat(this.browser.find("#glueDatabase").isDisplayed()).isFalse();
		this.browser.assertAccessible();
		this.browser.click("#kind");
		assertThat(this.browser.find("#bucket").isDisplayed()).isTrue();
		assertThat(this.browser.find("#glueDatabase").isDisplayed()).isFalse();
		this.browser.click("#kind-athena");
		assertThat(this.browser.find("#bucket").isDisplayed()).isFalse();
		assertThat(this.browser.find("#glueDatabase").isDisplayed()).isTrue();
		this.browser.assertAccessible();

		this.browser.open("/admin/datasets");
		this.browser.type("name", "unfinished");
		this.browser.click("#create-dataset");
		this.browser.awaitText(".govuk-error-summary", "Choose the owner team");
		assertThat(this.browser.text(".govuk-error-summary")).contains("Choose S3 or Athena");
		this.browser.assertAccessible();
	}

	@Test
	void anAdminConfirmsBeforeChangingAnAdminRoleOrResettingTwoFactor() {
		Enrolled target = this.users.enrolled("promotable");
		signIn(this.users.enrolled("promoter", Role.PLATFORM_ADMIN));
		this.browser.open("/admin/users/" + target.username() + "/admin-role");
		assertThat(this.browser.text("#confirm-heading")).contains(target.username());
		assertThat(this.browser.text("#consequence")).isNotBlank();
		this.browser.assertAccessible();
		this.browser.click("#cancel");
		this.browser.awaitPath("/admin/users");
		this.browser.open("/admin/users/" + target.username() + "/two-factor-reset");
		assertThat(this.browser.text("#confirm-heading")).contains(target.username());
		this.browser.assertAccessible();
		this.browser.click("#confirm");
		this.browser.awaitPath("/admin/users");
		assertThat(auditEvents("totp.reset", target.user().id().toString())).isEqualTo(1);
		assertThat(auditEvents("user.roles.changed", target.user().id().toString())).isZero();
	}

	@Test
	void findingAndManagingDatasetsAreTitledApart() {
		signIn(this.users.enrolled("titles", Role.PLATFORM_ADMIN));
		this.browser.open("/data/datasets");
		assertThat(this.browser.text("h1")).isEqualTo("Find datasets");
		this.browser.open("/admin/datasets");
		assertThat(this.browser.text("h1")).isEqualTo("Manage datasets");
	}

	@Test
	void inlineRadiosKeepEachLabelOnOneLine() {
		Enrolled admin = this.users.enrolled("radios", Role.PLATFORM_ADMIN);
		Dataset dataset = dataset("radios", null);
		signIn(admin);
		this.browser.open("/data/datasets/" + dataset.id() + "/access");
		@SuppressWarnings("unchecked")
		List<List<Number>> labels = (List<List<Number>>) this.browser.script("""
				return [...document.querySelectorAll('.govuk-radios--inline .govuk-radios__label')].map((label) => {
				  const text = document.createRange();
				  text.selectNodeContents(label);
				  return [text.getClientRects().length, Math.round(label.getBoundingClientRect().top)];
				});""");
		assertThat(labels).hasSizeGreaterThanOrEqualTo(2);
		assertThat(labels).extracting((label) -> label.get(0).intValue()).as("lines of each label").containsOnly(1);
		assertThat(labels).extracting((label) -> label.get(1).intValue())
			.as("rows of the radios")
			.containsOnly(labels.get(0).get(1).intValue());
	}

	@Test
	void theTokenExpiryFieldIsAsWideAsANumberOfDays() {
		signIn(this.users.enrolled("narrow"));
		this.browser.open("/account/tokens");
		assertThat(this.browser.find("#expiresInDays").getRect().getWidth()).isLessThan(100);
		assertThat(this.browser.find("#name").getRect().getWidth()).isGreaterThan(300);
	}

	@Test
	void withdrawingARequestAsksFirst() {
		Enrolled analyst = this.users.enrolled("withdrawer");
		Dataset dataset = dataset("withdrawn", null);
		this.requests.submit(caller(analyst), NewAccessRequest.of(dataset.id(), AccessLevel.READ, "Report"));
		signIn(analyst);
		this.browser.open("/data");
		assertThat(this.browser.text("main")).contains(dataset.name());
		assertThat(this.browser.all("#no-pending")).isEmpty();
		this.browser.open("/data/requests");
		this.browser.click("[data-test=withdraw]");
		assertThat(this.browser.text("#confirm-heading"))
			.isEqualTo("Withdraw your request for " + dataset.name() + "?");
		assertThat(this.browser.text("#consequence")).contains("no longer see it");
		this.browser.assertAccessible();
		this.browser.click("#cancel");
		this.browser.awaitPath("/data/requests");
		assertThat(this.browser.text("#requests [data-test=request-state]")).isEqualTo("PENDING");
		this.browser.click("[data-test=withdraw]");
		this.browser.click("#confirm");
		this.browser.awaitText("#done", "You withdrew your request");
		assertThat(this.browser.text("#requests [data-test=request-state]")).isEqualTo("WITHDRAWN");
	}

	@Test
	void theDatasetListSaysWhereIAlreadyHaveAccessOrHaveAsked() {
		Enrolled analyst = this.users.enrolled("holder");
		String marker = UUID.randomUUID().toString().substring(0, 8);
		Dataset held = dataset("held-" + marker, null);
		Dataset asked = dataset("asked-" + marker, null);
		Dataset other = dataset("other-" + marker, null);
		this.grants.grant(adminCaller(), NewGrant.of(held.id(),
				Principal.user(analyst.user().id().toString(), analyst.username()), AccessLevel.READ));
		this.requests.submit(caller(analyst), NewAccessRequest.of(asked.id(), AccessLevel.READ, "Report"));
		signIn(analyst);
		assertThat(this.browser.text("#dash-data-count")).as("the home dashboard's data of mine")
			.isEqualTo("You can use 1 dataset.");
		assertThat(this.browser.text("#dashboard")).contains(held.name()).doesNotContain(other.name());
		this.browser.open("/data/datasets?q=" + marker);
		assertThat(this.browser.all("#datasets tbody tr")).hasSize(3);
		assertThat(myAccess(held)).isEqualTo("You have access: Read");
		assertThat(myAccess(asked)).isEqualTo("Requested");
		assertThat(myAccess(other)).isEqualTo("No access");
		this.browser.assertAccessible();
	}

	private String myAccess(Dataset dataset) {
		return this.browser.all("#datasets tbody tr")
			.stream()
			.filter((row) -> row.getText().contains(dataset.name()))
			.findFirst()
			.orElseThrow()
			.findElement(org.openqa.selenium.By.cssSelector("[data-test=my-access]"))
			.getText()
			.strip();
	}

	private Dataset dataset(String prefix, Enrolled dataAdmin) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Group owner = this.groups.create(adminCaller(), "owners-" + suffix, "Owns " + prefix);
		NewDataset dataset = NewDataset.s3(prefix + "-" + suffix, "Forms test", owner.id(), Classification.OFFICIAL,
				"forms-" + suffix, "");
		if (dataAdmin != null) {
			dataset = dataset.withDataAdmins(new UserRef(dataAdmin.user().id().toString(), dataAdmin.username()));
		}
		return this.catalog.create(adminCaller(), dataset);
	}

	private Caller adminCaller() {
		return Caller.platformAdmin(this.users.admin().id().toString(), "admin");
	}

	private static Caller caller(Enrolled user) {
		return Caller.user(user.user().id().toString(), user.username());
	}

}

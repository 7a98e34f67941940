package uk.gov.analyticalplatform.web.internal.tools;

import java.time.Instant;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.web.internal.support.FormErrors;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.ProfileForm;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.ReleaseForm;
import uk.gov.analyticalplatform.web.internal.tools.CatalogueForms.StatusForm;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueFormsTests {

	@Test
	void aReleaseFormBecomesANewReleaseWithOneArgumentPerLine() {
		FormErrors errors = new FormErrors();
		NewRelease release = new ReleaseForm("jupyterlab", " 4.6.0 ", "JupyterLab 4.6", "img@sha256:x", "8888", "/api",
				"start-notebook.py\n\n  --ServerApp.token=  \n", "small")
			.release(errors);
		assertThat(errors.any()).isFalse();
		assertThat(release.tool()).isEqualTo(Tool.JUPYTERLAB);
		assertThat(release.name()).isEqualTo("4.6.0");
		assertThat(release.port()).isEqualTo(8888);
		assertThat(release.args()).containsExactly("start-notebook.py", "--ServerApp.token=");
	}

	@Test
	void aPortThatIsNotANumberIsReportedOnItsField() {
		FormErrors errors = new FormErrors();
		new ReleaseForm("jupyterlab", "4.6.0", "J", "i", "eighty", "/", "", "small").release(errors);
		assertThat(errors.message("port")).contains("as a number");
	}

	@Test
	void aRetirementTimeIsReadInUtcAndAnUnreadableOneReported() {
		FormErrors errors = new FormErrors();
		StatusChange change = new StatusForm("RETIRED", "Gone", "2027-01-31 18:00", "", "").change(errors);
		assertThat(change.retireAt()).isEqualTo(Instant.parse("2027-01-31T18:00:00Z"));
		assertThat(change.status()).isEqualTo(ReleaseStatus.RETIRED);
		new StatusForm("RETIRED", "Gone", "31/01/2027", "", "").change(errors);
		assertThat(errors.has("retireAt")).isTrue();
	}

	@Test
	void allowedUsersAndGroupsAreSplitOnCommasAndSpaces() {
		StatusChange change = new StatusForm("RESTRICTED", "", "", "alice, bob  carol", "beta-testers,")
			.change(new FormErrors());
		assertThat(change.allowedUsers()).isEqualTo(Set.of("alice", "bob", "carol"));
		assertThat(change.allowedGroups()).isEqualTo(Set.of("beta-testers"));
	}

	@Test
	void aProfileFormReportsEveryNumberItCannotRead() {
		FormErrors errors = new FormErrors();
		ResourceProfile profile = new ProfileForm("wide", "Wide", "2000", "two", "8192", "8192", "", " ")
			.profile("wide", errors);
		assertThat(errors.getAll()).extracting(FormErrors.FieldError::field)
			.containsExactly("cpuLimitMilli", "idleTimeoutMinutes");
		assertThat(profile.restrictedGroup()).isNull();
	}

}

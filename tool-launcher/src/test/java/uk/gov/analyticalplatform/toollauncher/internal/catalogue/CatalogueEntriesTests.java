package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry.FieldProblem;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;

import static org.assertj.core.api.Assertions.assertThat;

class CatalogueEntriesTests {

	static final String DIGEST = "quay.io/jupyter/scipy-notebook@sha256:" + "0123456789abcdef".repeat(4);

	@Test
	void aReleasePinnedByDigestWithEveryFieldIsAccepted() {
		assertThat(CatalogueEntries.check(release(DIGEST, 8888))).isEmpty();
	}

	@Test
	void anImageByTagAloneIsRefusedOnTheImageField() {
		assertThat(fields(CatalogueEntries.check(release("quay.io/jupyter/scipy-notebook:latest", 8888))))
			.containsExactly("image");
		assertThat(fields(CatalogueEntries.check(release(DIGEST.replace("sha256:0", "sha256:"), 8888))))
			.as("63 hex digits")
			.containsExactly("image");
	}

	@Test
	void everyWrongFieldIsReportedAtOnceInTheFormsOrder() {
		NewRelease wrong = new NewRelease(null, "Not A Name", " ", "latest", 80, "api", List.of(), "");
		assertThat(fields(CatalogueEntries.check(wrong))).containsExactly("tool", "name", "displayName", "image",
				"port", "readinessPath", "defaultProfile");
	}

	@Test
	void deprecatingOrRetiringNeedsAMessageAndRetiringATime() {
		assertThat(fields(CatalogueEntries.check(change(ReleaseStatus.DEPRECATED, null, null))))
			.containsExactly("message");
		assertThat(fields(CatalogueEntries.check(change(ReleaseStatus.RETIRED, "Gone", null))))
			.containsExactly("retireAt");
		assertThat(CatalogueEntries.check(change(ReleaseStatus.RETIRED, "Gone", Instant.now()))).isEmpty();
		assertThat(fields(CatalogueEntries.check(change(ReleaseStatus.ACTIVE, null, Instant.now()))))
			.containsExactly("retireAt");
	}

	@Test
	void restrictingNeedsSomeoneWhoMayStillLaunchIt() {
		assertThat(fields(CatalogueEntries.check(change(ReleaseStatus.RESTRICTED, null, null))))
			.containsExactly("allowedUsers");
		assertThat(CatalogueEntries
			.check(new StatusChange(ReleaseStatus.RESTRICTED, null, null, Set.of(), Set.of("beta-testers")))).isEmpty();
	}

	@Test
	void aProfileLimitBelowItsRequestIsRefused() {
		ResourceProfile profile = new ResourceProfile("gpu-ish", "Big", 2000, 1000, 4096, 2048, Duration.ofHours(1),
				null);
		assertThat(fields(CatalogueEntries.check(profile))).containsExactly("cpuLimitMilli", "memoryLimitMib");
	}

	@Test
	void aProfileIdleTimeoutUnderAMinuteIsRefused() {
		ResourceProfile profile = new ResourceProfile("quick", "Quick", 100, 100, 128, 128, Duration.ofSeconds(30),
				null);
		assertThat(fields(CatalogueEntries.check(profile))).containsExactly("idleTimeoutMinutes");
	}

	private static NewRelease release(String image, int port) {
		return new NewRelease(Tool.JUPYTERLAB, "4.5.1", "JupyterLab 4.5.1", image, port, "/api", List.of(), "small");
	}

	private static StatusChange change(ReleaseStatus status, String message, Instant retireAt) {
		return new StatusChange(status, message, retireAt, Set.of(), Set.of());
	}

	private static List<String> fields(List<FieldProblem> problems) {
		return problems.stream().map(FieldProblem::field).toList();
	}

}

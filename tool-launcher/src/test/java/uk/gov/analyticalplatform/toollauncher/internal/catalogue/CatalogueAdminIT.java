package uk.gov.analyticalplatform.toollauncher.internal.catalogue;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.InvalidCatalogueEntry;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.toollauncher.ToolPermissionDenied;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Platform admins change the catalogue: written with an audit event, refused field by
 * field.
 */
@SpringBootTest(properties = "platform.tools.reconciler.enabled=false")
@PlatformDatabase
class CatalogueAdminIT {

	@Autowired
	ToolCatalogueAdmin admin;

	@Autowired
	ToolCatalogue catalogue;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().controlPlaneKubeconfig());
	}

	final ToolUser platformAdmin = new ToolUser(UUID.randomUUID(), "tools-admin", Set.of(), true);

	final ToolUser analyst = new ToolUser(UUID.randomUUID(), "analyst-" + suffix(), Set.of("testers"), false);

	@Test
	void anAddedReleaseIsLaunchableAndItsAdditionAudited() {
		ToolRelease added = this.admin.addRelease(this.platformAdmin, release("4.6." + suffix()));

		assertThat(added.status()).isEqualTo(ReleaseStatus.ACTIVE);
		assertThat(this.catalogue.launchable(this.analyst).releases()).extracting(ToolRelease::id).contains(added.id());
		assertThat(audited("tool.release.added", added.id().toString())).isOne();
		assertThat(this.admin.releases(this.platformAdmin)).filteredOn((use) -> use.release().id().equals(added.id()))
			.singleElement()
			.satisfies((use) -> assertThat(use.users()).isZero());
	}

	@Test
	void aReleaseWithATagInsteadOfADigestOrATakenNameIsRefusedNamingTheFields() {
		String name = "4.7." + suffix();
		this.admin.addRelease(this.platformAdmin, release(name));
		NewRelease byTag = new NewRelease(Tool.JUPYTERLAB, name, "Again", "quay.io/jupyter/scipy-notebook:latest", 8888,
				"/api", List.of(), "small");

		assertThatExceptionOfType(InvalidCatalogueEntry.class)
			.isThrownBy(() -> this.admin.addRelease(this.platformAdmin, byTag))
			.satisfies((ex) -> assertThat(ex.problems()).extracting(InvalidCatalogueEntry.FieldProblem::field)
				.containsExactly("image", "name"));
	}

	@Test
	void restrictingARetiringAndDeprecatingChangeWhoMayLaunchAndAreAudited() {
		ToolRelease added = this.admin.addRelease(this.platformAdmin, release("4.8." + suffix()));

		this.admin.changeStatus(this.platformAdmin, added.id(),
				new StatusChange(ReleaseStatus.RESTRICTED, null, null, Set.of(), Set.of("others")));
		assertThat(launchable(added)).isFalse();
		this.admin.changeStatus(this.platformAdmin, added.id(),
				new StatusChange(ReleaseStatus.RESTRICTED, null, null, Set.of(), Set.of("testers")));
		assertThat(launchable(added)).isTrue();
		this.admin.changeStatus(this.platformAdmin, added.id(),
				new StatusChange(ReleaseStatus.DEPRECATED, "Use 4.9", null, Set.of(), Set.of()));
		assertThat(launchable(added)).isTrue();
		Instant at = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		ToolRelease retired = this.admin.changeStatus(this.platformAdmin, added.id(),
				new StatusChange(ReleaseStatus.RETIRED, "Gone: use 4.9", at, Set.of(), Set.of()));

		assertThat(launchable(added)).isFalse();
		assertThat(retired.retireAt()).isEqualTo(at);
		assertThat(retired.statusMessage()).isEqualTo("Gone: use 4.9");
		assertThat(retired.allowedGroups()).isEmpty();
		assertThat(audited("tool.release.status.changed", added.id().toString())).isEqualTo(4);
	}

	@Test
	void profilesAreCreatedAndEditedWithAnAuditEventEach() {
		String name = "p-" + suffix();
		this.admin.createProfile(this.platformAdmin,
				new ResourceProfile(name, "Tiny", 250, 500, 512, 1024, Duration.ofMinutes(30), null));

		ResourceProfile edited = this.admin.updateProfile(this.platformAdmin,
				new ResourceProfile(name, "Tiny, longer", 250, 500, 512, 1024, Duration.ofHours(2), "testers"));

		assertThat(edited.idleTimeout()).isEqualTo(Duration.ofHours(2));
		assertThat(edited.restrictedGroup()).isEqualTo("testers");
		assertThat(audited("tool.profile.created", name)).isOne();
		assertThat(audited("tool.profile.changed", name)).isOne();
		assertThatExceptionOfType(InvalidCatalogueEntry.class)
			.isThrownBy(() -> this.admin.createProfile(this.platformAdmin,
					new ResourceProfile(name, "Again", 250, 500, 512, 1024, Duration.ofHours(1), null)));
	}

	@Test
	void anAnalystChangesNothing() {
		assertThatExceptionOfType(ToolPermissionDenied.class)
			.isThrownBy(() -> this.admin.addRelease(this.analyst, release("5.0." + suffix())));
		assertThatExceptionOfType(ToolPermissionDenied.class).isThrownBy(() -> this.admin.releases(this.analyst));
		assertThatExceptionOfType(ToolPermissionDenied.class).isThrownBy(() -> this.admin.createProfile(this.analyst,
				new ResourceProfile("x-" + suffix(), "X", 1, 1, 1, 1, Duration.ofHours(1), null)));
	}

	private boolean launchable(ToolRelease release) {
		return this.catalogue.launchable(this.analyst)
			.releases()
			.stream()
			.anyMatch((candidate) -> candidate.id().equals(release.id()));
	}

	private static NewRelease release(String name) {
		return new NewRelease(Tool.JUPYTERLAB, name, "JupyterLab " + name,
				"quay.io/jupyter/scipy-notebook@sha256:" + "ab".repeat(32), 8888, "/api", List.of("start-notebook.py"),
				"small");
	}

	private int audited(String action, String target) {
		return this.jdbc.sql("SELECT count(*) FROM audit_event WHERE action = :action AND target_id = :id")
			.param("action", action)
			.param("id", target)
			.query(Integer.class)
			.single();
	}

	private static String suffix() {
		return Integer.toString((int) (Math.random() * 1_000_000));
	}

}

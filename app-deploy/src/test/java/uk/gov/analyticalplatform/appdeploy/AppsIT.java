package uk.gov.analyticalplatform.appdeploy;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppGate.Admission;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestRegistry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Apps, viewers, versions and secrets against the real PostgreSQL: the viewer limit under
 * a race, secrets stored only encrypted, deployments and rollbacks in the history, every
 * change audited. Versions by tag come from the local OCI registry
 * ({@link TestRegistry}), never from the internet.
 */
@SpringBootTest(classes = AppDeployTestApplication.class)
@PlatformDatabase
class AppsIT {

	static final Caller ALICE = Caller.user(UUID.randomUUID().toString(), "alice");

	static final Caller BOB = Caller.user(UUID.randomUUID().toString(), "bob");

	static final Caller ADMIN = new Caller(UUID.randomUUID().toString(), "admin", true);

	@Autowired
	Apps apps;

	@Autowired
	AppViewers viewers;

	@Autowired
	AppReleases releases;

	@Autowired
	AppSettings settings;

	@Autowired
	AppGate gate;

	@Autowired
	AuditEvents audit;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aHundredSimultaneousViewersLeaveExactlyFiftyAndFiftyRefusals() throws Exception {
		register("raced");
		ExecutorService pool = Executors.newFixedThreadPool(100);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Boolean>> results = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			String email = "viewer" + i + "@justice.gov.uk";
			Callable<Boolean> add = () -> {
				start.await();
				try {
					this.viewers.add(ALICE, "raced", email);
					return true;
				}
				catch (ViewerLimitReached refused) {
					return false;
				}
			};
			results.add(pool.submit(add));
		}
		start.countDown();
		int added = 0;
		int refused = 0;
		for (Future<Boolean> result : results) {
			if (result.get(60, TimeUnit.SECONDS)) {
				added++;
			}
			else {
				refused++;
			}
		}
		pool.shutdown();
		assertThat(added).isEqualTo(50);
		assertThat(refused).isEqualTo(50);
		assertThat(this.viewers.list(ALICE, "raced").count()).isEqualTo(50);
		assertThat(events("raced", "app.viewer.added")).hasSize(50);
	}

	@Test
	void addingAnExistingViewerIsIdempotentEvenAtTheLimitAndRemovingFreesAPlace() {
		register("full");
		for (int i = 0; i < 50; i++) {
			this.viewers.add(ALICE, "full", "v" + i + "@justice.gov.uk");
		}
		assertThat(this.viewers.add(ALICE, "full", "V7@Justice.gov.uk").count()).isEqualTo(50);
		assertThatExceptionOfType(ViewerLimitReached.class)
			.isThrownBy(() -> this.viewers.add(ALICE, "full", "fifty-first@justice.gov.uk"))
			.withMessageContaining("already has 50 viewers");

		this.viewers.remove(ALICE, "full", "v0@justice.gov.uk");

		assertThat(this.viewers.add(ALICE, "full", "fifty-first@justice.gov.uk").count()).isEqualTo(50);
		assertThat(events("full", "app.viewer.removed")).singleElement()
			.satisfies((event) -> assertThat(event.details()).containsEntry("email", "v0@justice.gov.uk"));
	}

	@Test
	void strangersCannotSeeOrChangeAnAppButPlatformAdminsCan() {
		register("private-app");
		assertThatExceptionOfType(AppNotFound.class).isThrownBy(() -> this.apps.get(BOB, "private-app"));
		assertThatExceptionOfType(AppNotFound.class)
			.isThrownBy(() -> this.viewers.add(BOB, "private-app", "bob@justice.gov.uk"));
		assertThatExceptionOfType(AppPermissionDenied.class).isThrownBy(() -> this.apps.all(BOB));
		assertThat(this.apps.get(ADMIN, "private-app").owners()).extracting(AppOwner::username)
			.containsExactly("alice");
		assertThat(this.apps.all(ADMIN)).extracting(App::name).contains("private-app");
	}

	@Test
	void theLastOwnerCannotBeRemoved() {
		register("owned");
		this.apps.addOwner(ALICE, "owned", BOB.asOwner());
		assertThat(this.apps.get(BOB, "owned").owners()).hasSize(2);
		this.apps.removeOwner(BOB, "owned", ALICE.userId());
		assertThatExceptionOfType(LastOwnerRemovalRefused.class)
			.isThrownBy(() -> this.apps.removeOwner(BOB, "owned", BOB.userId()));
		assertThat(events("owned", "app.owner.")).extracting(AuditRecord::action)
			.containsExactly("app.owner.removed", "app.owner.added");
	}

	@Test
	void theGateAdmitsOwnersAndViewersAndRefusesEveryoneElse() {
		register("gated");
		this.viewers.add(ALICE, "gated", "viewer@justice.gov.uk");
		UUID alice = UUID.fromString(ALICE.userId());
		UUID someone = UUID.randomUUID();
		assertThat(this.gate.admit("gated", alice, null)).isEqualTo(Admission.OWNER);
		assertThat(this.gate.admit("gated", someone, "Viewer@Justice.gov.uk")).isEqualTo(Admission.VIEWER);
		assertThat(this.gate.admit("gated", someone, "stranger@justice.gov.uk")).isEqualTo(Admission.REFUSED);
		assertThat(this.gate.admit("no-such-app", alice, "viewer@justice.gov.uk")).isEqualTo(Admission.REFUSED);
	}

	@Test
	void secretsAreStoredOnlyEncryptedNeverReturnedAndAuditedByNameOnly() {
		App app = register("secretive");
		this.settings.setSecret(ALICE, "secretive", "DB_PASSWORD", "correct horse battery staple");

		assertThat(this.settings.secretNames(ALICE, "secretive")).containsExactly("DB_PASSWORD");
		byte[] stored = this.jdbc.sql("SELECT ciphertext FROM app_secrets WHERE app_id = ? AND name = 'DB_PASSWORD'")
			.param(app.id())
			.query(byte[].class)
			.single();
		assertThat(new String(stored, java.nio.charset.StandardCharsets.ISO_8859_1)).doesNotContain("correct horse");
		assertThat(HexFormat.of().formatHex(stored))
			.doesNotContain(HexFormat.of().formatHex("correct horse".getBytes()));
		assertThat(events("secretive", "app.secret.set")).singleElement()
			.satisfies((event) -> assertThat(event.details()).containsOnlyKeys("name")
				.containsEntry("name", "DB_PASSWORD"));
		assertThatExceptionOfType(InvalidApp.class)
			.isThrownBy(() -> this.settings.setVariable(ALICE, "secretive", "DB_PASSWORD", "plain"));
	}

	@Test
	void versionsAreNumberedDeployedRolledBackAndPrunedButNeverTheDeployedOne() {
		String path = "moj/released-" + UUID.randomUUID().toString().substring(0, 8);
		String image = TestRegistry.repository(path);
		this.apps.register(ALICE, new NewApp("released", "A test app", "https://github.com/moj/released", image));
		for (int v = 1; v <= 5; v++) {
			TestRegistry.push(path, "v" + v, "version " + v);
		}
		this.releases.register(ALICE, "released", image + ":v1");
		this.releases.deploy(ALICE, "released", 1);
		for (int v = 2; v <= 5; v++) {
			assertThat(this.releases.register(ALICE, "released", image + ":v" + v).number()).isEqualTo(v);
		}
		assertThat(this.releases.register(ALICE, "released", image + ":v5").number()).isEqualTo(5);
		assertThat(this.releases.versions(ALICE, "released")).extracting(AppVersion::number)
			.containsExactly(5, 4, 3, 1);
		assertThat(this.releases.versions(ALICE, "released").get(0).image()).startsWith(image + "@sha256:");

		this.releases.deploy(ALICE, "released", 5);
		AppDeployment rollback = this.releases.deploy(ALICE, "released", 3);

		assertThat(rollback.rollback()).isTrue();
		assertThat(this.releases.history(ALICE, "released")).extracting(AppDeployment::version)
			.containsExactly(3, 5, 1);
		assertThat(this.apps.get(ALICE, "released").deployedVersion()).isEqualTo(3);
		assertThat(events("released", "app.version.rolled_back")).hasSize(1);
		assertThatExceptionOfType(AppVersionNotFound.class)
			.isThrownBy(() -> this.releases.deploy(ALICE, "released", 2));
		assertThatExceptionOfType(InvalidApp.class)
			.isThrownBy(() -> this.releases.register(ALICE, "released", "docker.io/evil/image:v1"));
	}

	@Test
	void everyChangeToAnAppIsAnAuditEventThatOutlivesTheApp() {
		register("audited");
		this.releases.register(ALICE, "audited", "ghcr.io/moj/audited@sha256:" + "d".repeat(64));
		this.releases.deploy(ALICE, "audited", 1);
		this.viewers.add(ALICE, "audited", "viewer@justice.gov.uk");
		this.viewers.remove(ALICE, "audited", "viewer@justice.gov.uk");
		this.apps.addOwner(ALICE, "audited", BOB.asOwner());
		this.apps.removeOwner(ALICE, "audited", BOB.userId());
		this.settings.setVariable(ALICE, "audited", "MODE", "live");
		this.settings.setVariable(ALICE, "audited", "MODE", null);
		this.settings.setSecret(ALICE, "audited", "TOKEN", "t0ken-value");
		this.settings.removeSecret(ALICE, "audited", "TOKEN");

		this.apps.delete(ALICE, "audited");

		List<AuditRecord> events = events("audited", "app.");
		assertThat(events).extracting(AuditRecord::action)
			.containsExactly("app.deleted", "app.secret.removed", "app.secret.set", "app.env.removed", "app.env.set",
					"app.owner.removed", "app.owner.added", "app.viewer.removed", "app.viewer.added",
					"app.version.deployed", "app.version.registered", "app.registered");
		assertThat(events).allSatisfy((event) -> assertThat(event.details().toString()).doesNotContain("t0ken-value"));
		assertThat(events).filteredOn((event) -> event.action().equals("app.owner.added"))
			.singleElement()
			.satisfies((event) -> assertThat(event.details()).containsEntry("username", "bob")
				.containsEntry("datasetsReached", List.of()));
	}

	@Test
	void anAppCarriesTheAvailabilityNotice() {
		App app = register("noticed");
		assertThat(app.availability().target()).isEqualTo(0.95);
		assertThat(app.availability().support()).isEqualTo("office hours, Monday to Friday");
		assertThat(app.availability().notice()).contains("95%").contains("office hours");
		assertThat(app.url()).isEqualTo("https://noticed.apps.test/");
		assertThat(app.maxViewers()).isEqualTo(50);
	}

	@Test
	void malformedAndDuplicateAppsAreRefused() {
		register("taken");
		assertThatExceptionOfType(DuplicateApp.class).isThrownBy(() -> register("taken"));
		assertThatExceptionOfType(InvalidApp.class).isThrownBy(() -> register("Not_DNS"))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("name"));
		assertThatExceptionOfType(InvalidApp.class)
			.isThrownBy(() -> this.apps.register(ALICE,
					new NewApp("fine-name", "", "https://gitlab.com/x/y", "ghcr.io/moj/fine")))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("repositoryUrl"));
	}

	private App register(String name) {
		return this.apps.register(ALICE,
				new NewApp(name, "A test app", "https://github.com/moj/" + name, "ghcr.io/moj/" + name));
	}

	private List<AuditRecord> events(String app, String actionPrefix) {
		return this.audit.search(new AuditQuery(null, actionPrefix, "app", app, null, null), null, 500).events();
	}

}

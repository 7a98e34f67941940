package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AppNotOwned;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.dataaccess.AppRoleChanges;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessServices;
import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.dataaccess.SelfApprovalForbidden;
import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An app as a principal of data access, proven against the AWS emulator as
 * {@link AwsAccessIT} proves users' roles: an owner asks for access for the app, a data
 * admin who does not own it decides, and the app's own role, assumed as its pods assume
 * it, allows exactly the granted paths. The owners of an app come through the
 * {@link AppOwnership} port, which app deployment provides in the application (here, a
 * table of owners the test writes).
 */
@SpringBootTest(classes = DataAccessTestApplication.class, properties = "platform.data-access.buckets.tls-only=false")
@PlatformDatabase
@Import({ AppAwsAccessIT.Owners.class, DataAccessServices.Config.class })
class AppAwsAccessIT {

	static final Caller BOB = Caller.user("u-bob", "bob");

	static final Caller CAROL = Caller.user("u-carol", "carol");

	static MotoIam moto;

	@Autowired
	DataAccessServices data;

	@Autowired
	DataAccessProperties properties;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("dataAccessRoleLoop")
	ReconcileLoop<String> roleLoop;

	@TestConfiguration(proxyBeanMethods = false)
	static class Owners {

		static final Map<String, Set<String>> OWNERS = new ConcurrentHashMap<>();

		static final List<String> TOLD = new CopyOnWriteArrayList<>();

		@Bean
		AppOwnership appOwnership() {
			return (app) -> Optional.ofNullable(OWNERS.get(app));
		}

		/** App deployment as it might fail: told, then throws. */
		@Bean
		AppRoleChanges failingAppRoleChanges() {
			return (app) -> {
				TOLD.add(app);
				throw new IllegalStateException("app deployment is down");
			};
		}

	}

	@DynamicPropertySource
	static void enforcedAws(DynamicPropertyRegistry registry) {
		moto = MotoIam.enforcing(registry);
	}

	@AfterAll
	static void forgetEmulator() {
		moto = null;
	}

	@Test
	void anAppsRoleAllowsExactlyTheDatasetPathsGrantedToTheAppAndNothingElse() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String app = "dash-" + suffix;
		Caller owner = Caller.user("u-owner-" + suffix, "owner-" + suffix);
		Owners.OWNERS.put(app, Set.of(owner.userId(), CAROL.userId()));
		Dataset data = dataset("appdata-" + suffix);
		Dataset other = dataset("appother-" + suffix);
		try (S3Client admin = moto.s3()) {
			admin.putObject((r) -> r.bucket(data.bucket()).key("a/one.csv"), RequestBody.fromString("a,1"));
			admin.putObject((r) -> r.bucket(data.bucket()).key("b/two.csv"), RequestBody.fromString("b,2"));
			admin.putObject((r) -> r.bucket(other.bucket()).key("x.csv"), RequestBody.fromString("x"));
		}
		// the owner's own grant on the other dataset is theirs, not the app's
		this.data.grants().grant(BOB, NewGrant.of(other.id(), Principal.user(owner.asUser()), AccessLevel.READ));

		AccessRequest request = this.data.requests()
			.submitForApp(owner, app,
					NewAccessRequest.of(data.id(), AccessLevel.READ, "the dashboard shows the monthly figures")
						.withPaths(PathAccess.read("a/")));
		assertThat(request.app()).isEqualTo(app);
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.data.requests().approve(owner, request.id(), "mine"));
		this.data.requests().approve(BOB, request.id(), "approved for the dashboard");

		String roleArn = awaitAppRole(app);
		assertThat(roleArn).endsWith("/" + this.properties.rolePrefix() + "_app_" + app);
		try (IamClient iam = moto.iam()) {
			String trust = java.net.URLDecoder
				.decode(iam.getRole((r) -> r.roleName(this.properties.rolePrefix() + "_app_" + app))
					.role()
					.assumeRolePolicyDocument(), java.nio.charset.StandardCharsets.UTF_8);
			assertThat(trust).contains("\"" + WorkloadIdentities.appSubject(app) + "\"").doesNotContain("user-");
		}
		try (S3Client s3 = moto.s3(moto.assumeWithWebIdentity(roleArn, app))) {
			assertThat(read(s3, data.bucket(), "a/one.csv")).isEqualTo("a,1");
			assertDenied(() -> read(s3, data.bucket(), "b/two.csv"));
			assertDenied(
					() -> s3.putObject((r) -> r.bucket(data.bucket()).key("a/new.csv"), RequestBody.fromString("no")));
			assertDenied(() -> read(s3, other.bucket(), "x.csv"));
		}
		assertThat(this.data.status().appGrants(app)).singleElement()
			.satisfies((grant) -> assertThat(grant.principal()).isEqualTo(Principal.app(app)));
		assertThat(this.data.audit()
			.search(new AuditQuery(null, "access_request.", "access_request", request.id().toString(), null, null),
					null, 10)
			.events()).extracting(AuditRecord::action).contains("access_request.created", "access_request.approved");

		Grant granted = this.data.status().appGrants(app).get(0);
		this.data.grants().revoke(BOB, granted.id(), "dashboard retired");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status().appRoleArn(app)).isNull());
		try (IamClient iam = moto.iam()) {
			assertThatExceptionOfType(NoSuchEntityException.class)
				.isThrownBy(() -> iam.getRole((r) -> r.roleName(this.properties.rolePrefix() + "_app_" + app)));
		}
	}

	@Test
	void aListenerThatThrowsWhenTheAppsRoleChangesNeitherFailsNorUndoesTheChange() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String app = "told-" + suffix;
		Owners.OWNERS.put(app, Set.of("u-owner-" + suffix));
		Dataset data = dataset("apptold-" + suffix);
		long failuresBefore = this.roleLoop.failures();

		Grant granted = this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.app(app), AccessLevel.READ));
		awaitAppRole(app);
		await().atMost(Duration.ofSeconds(30)).until(() -> Owners.TOLD.contains(app));
		this.data.grants().revoke(BOB, granted.id(), "no longer needed");
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status().appRoleArn(app)).isNull());
		await().atMost(Duration.ofSeconds(30)).until(() -> Owners.TOLD.stream().filter(app::equals).count() == 2);

		// told of both changes, each time it threw: the reconciler counted no failure and
		// the role's status never went FAILED (its failures would not be 0 otherwise)
		assertThat(this.roleLoop.failures()).isEqualTo(failuresBefore);
		assertThat(this.jdbc.sql("SELECT state || '/' || failures FROM access_roles WHERE user_id = :key")
			.param("key", "app:" + app)
			.query(String.class)
			.single()).isEqualTo("READY/0");
	}

	@Test
	void onlyAnOwnerAsksForAnAppAndNoOwnerDecidesOrGrantsToIt() {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		String app = "tool-" + suffix;
		Caller owner = Caller.user("u-o-" + suffix, "o-" + suffix);
		Caller stranger = Caller.user("u-s-" + suffix, "s-" + suffix);
		// Bob manages the dataset's access and co-owns the app
		Owners.OWNERS.put(app, Set.of(owner.userId(), BOB.userId()));
		Dataset data = dataset("appself-" + suffix);

		assertThatExceptionOfType(AppNotOwned.class).isThrownBy(() -> this.data.requests()
			.submitForApp(stranger, app, NewAccessRequest.of(data.id(), AccessLevel.READ, "not my app")));
		assertThatExceptionOfType(AppNotOwned.class).isThrownBy(() -> this.data.requests()
			.submitForApp(owner, "no-such-app-" + suffix, NewAccessRequest.of(data.id(), AccessLevel.READ, "no app")));
		AccessRequest request = this.data.requests()
			.submitForApp(owner, app, NewAccessRequest.of(data.id(), AccessLevel.READ, "for the app"));
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.data.requests().approve(BOB, request.id(), "co-owner"));
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(
				() -> this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.app(app), AccessLevel.READ)));
		assertThat(this.data.status().appGrants(app)).isEmpty();

		// and the table itself refuses a decision by an owner of the time, whatever the
		// code
		assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("""
					UPDATE access_requests SET state = 'REJECTED', decided_at = now(), decided_by_id = :bob,
					  decided_by_username = 'bob', decision_reason = 'x' WHERE id = :id
					""").param("bob", BOB.userId()).param("id", request.id()).update());
		assertThatExceptionOfType(org.springframework.dao.DataIntegrityViolationException.class)
			.isThrownBy(() -> this.jdbc.sql("""
					INSERT INTO grants (id, dataset_id, principal_type, user_id, username, app_name, level, granted_at,
					  granted_by_id, granted_by_username)
					VALUES (:id, :dataset, 'APP', 'u-x', 'x', :app, 'READ', now(), 'u-bob', 'bob')
					""").param("id", UUID.randomUUID()).param("dataset", data.id()).param("app", app).update());
		assertThat(PrincipalType.valueOf("APP")).isEqualTo(PrincipalType.APP);
	}

	private String awaitAppRole(String app) {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status().appRoleArn(app)).isNotNull());
		return this.data.status().appRoleArn(app);
	}

	private Dataset dataset(String bucket) {
		Dataset dataset = ProvisionedDatasets.register(this.data.catalog(), this.data.groups(), bucket,
				(owners) -> NewDataset.s3(bucket, "test data", owners, Classification.OFFICIAL, bucket, "")
					.withDataAdmins(BOB.asUser()));
		assertThat(dataset.status().state()).as("%s", dataset.status()).isEqualTo(ApplyState.READY);
		return dataset;
	}

	private static String read(S3Client s3, String bucket, String key) {
		return s3.getObjectAsBytes((r) -> r.bucket(bucket).key(key)).asUtf8String();
	}

	private static void assertDenied(Runnable call) {
		assertThatExceptionOfType(S3Exception.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.services.lakeformation.model.PrincipalResourcePermissions;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessServices;
import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetVersion;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.ManifestEntry;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewDatasetVersion;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserAccess;
import uk.gov.analyticalplatform.dataaccess.VersionVerification;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The proof against an AWS API that enforces IAM: every call the control plane
 * makes is checked against its own admin user's policy, and every call an analyst makes
 * against the role the reconciler applied for them, assumed the way their pod assumes it.
 */
// The emulator treats the TLS-only bucket statement's unmet condition as an explicit deny
// of every
// plain-HTTP request, so these buckets go without it; BucketProvisioningIT proves the
// statement.
@SpringBootTest(classes = DataAccessTestApplication.class, properties = "platform.data-access.buckets.tls-only=false")
@PlatformDatabase
@Import({ AwsAccessIT.Clocks.class, DataAccessServices.Config.class })
class AwsAccessIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final Caller BOB = Caller.user("u-bob", "bob");

	static MotoIam moto;

	@Autowired
	DataAccessServices data;

	@Autowired
	MovableClock clock;

	@Autowired
	DataAccessProperties properties;

	String rolePrefix;

	@BeforeEach
	void rolePrefix() {
		this.rolePrefix = this.properties.rolePrefix();
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock();
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
	void anAnalystCanDoExactlyWhatTheirGrantsAllowThroughTheirOwnRole() {
		String suffix = suffix();
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		Dataset data = dataset("data-" + suffix, "");
		Dataset aux = dataset("aux-" + suffix, "");
		try (S3Client admin = moto.s3()) {
			admin.putObject((r) -> r.bucket(data.bucket()).key("a/one.csv"), RequestBody.fromString("a,1"));
			admin.putObject((r) -> r.bucket(data.bucket()).key("b/two.csv"), RequestBody.fromString("b,2"));
			admin.createBucket((r) -> r.bucket("other-" + suffix)
				.createBucketConfiguration((c) -> c.locationConstraint("eu-west-2")));
			admin.putObject((r) -> r.bucket("other-" + suffix).key("x.csv"), RequestBody.fromString("x"));
		}
		this.data.grants().grant(BOB, NewGrant.of(aux.id(), Principal.user(analyst.asUser()), AccessLevel.READ));
		AccessRequest request = this.data.requests()
			.submit(analyst, NewAccessRequest.of(data.id(), AccessLevel.READ, "prison population report")
				.withPaths(PathAccess.read("a/")));
		this.data.requests().approve(BOB, request.id(), "approved for the report");
		String roleArn = awaitApplied(analyst).applied().roleArn();
		AwsSessionCredentials credentials = moto.assumeWithWebIdentity(roleArn, analyst.username());
		try (S3Client s3 = moto.s3(credentials)) {
			assertThat(read(s3, data.bucket(), "a/one.csv")).isEqualTo("a,1");
			assertDenied(() -> read(s3, data.bucket(), "b/two.csv"));
			assertDenied(() -> write(s3, data.bucket(), "a/new.csv"));
			assertDenied(() -> read(s3, "other-" + suffix, "x.csv"));

			AccessRequest upgrade = this.data.requests()
				.submit(analyst, NewAccessRequest.of(data.id(), AccessLevel.READ_WRITE, "write the results back")
					.withPaths(PathAccess.readWrite("a/")));
			this.data.requests().approve(BOB, upgrade.id(), "ok");
			awaitApplied(analyst);
			write(s3, data.bucket(), "a/new.csv");
			assertThat(read(s3, data.bucket(), "a/new.csv")).isEqualTo("written");
			assertDenied(() -> write(s3, data.bucket(), "b/new.csv"));

			Grant current = this.data.grants().activeOn(BOB, data.id()).get(0);
			this.data.grants().revoke(BOB, current.id(), "project over");
			awaitApplied(analyst);
			assertDenied(() -> read(s3, data.bucket(), "a/one.csv"));

			Grant expiring = this.data.grants()
				.grant(BOB,
						NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ)
							.withPaths(PathAccess.read("a/"))
							.expiringAt(this.clock.instant().plus(Duration.ofHours(1))));
			awaitApplied(analyst);
			assertThat(read(s3, data.bucket(), "a/one.csv")).isEqualTo("a,1");
			this.clock.advance(Duration.ofHours(2));
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(this.data.grants().get(expiring.id()).active()).isFalse());
			this.data.status().resyncNow(ADMIN);
			assertDenied(() -> read(s3, data.bucket(), "a/one.csv"));
		}
		this.data.grants().revoke(BOB, this.data.grants().activeOn(BOB, aux.id()).get(0).id(), "no access left");
		awaitApplied(analyst);
		try (IamClient iam = moto.iam()) {
			assertThatExceptionOfType(NoSuchEntityException.class)
				.isThrownBy(() -> iam.getRole((r) -> r.roleName(this.rolePrefix + "_user_" + analyst.username())));
		}
	}

	@Test
	void aPolicyEditedByHandIsRestoredOnResyncAndTheCorrectionIsAudited() {
		String suffix = suffix();
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		Dataset data = dataset("drift-" + suffix, "");
		try (S3Client admin = moto.s3()) {
			admin.putObject((r) -> r.bucket(data.bucket()).key("a/one.csv"), RequestBody.fromString("a,1"));
			admin.putObject((r) -> r.bucket(data.bucket()).key("b/two.csv"), RequestBody.fromString("b,2"));
		}
		this.data.grants()
			.grant(BOB, NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ)
				.withPaths(PathAccess.read("a/")));
		UserAccess applied = awaitApplied(analyst);
		String roleName = this.rolePrefix + "_user_" + analyst.username();
		String compiled = applied.applied().policies().get(1).document();
		try (IamClient iam = moto.iam()) {
			iam.putRolePolicy((r) -> r.roleName(roleName)
				.policyName("data-access")
				.policyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
						+ "\"Action\":\"s3:*\",\"Resource\":\"*\"}]}"));
			AwsSessionCredentials credentials = moto.assumeWithWebIdentity(applied.applied().roleArn(), "drift");
			try (S3Client s3 = moto.s3(credentials)) {
				assertThat(read(s3, data.bucket(), "b/two.csv")).isEqualTo("b,2");
				this.data.status().resyncNow(ADMIN);
				assertDenied(() -> read(s3, data.bucket(), "b/two.csv"));
				assertThat(read(s3, data.bucket(), "a/one.csv")).isEqualTo("a,1");
			}
			assertThat(PolicyDocuments.same(
					iam.getRolePolicy((r) -> r.roleName(roleName).policyName("data-access")).policyDocument(),
					compiled))
				.isTrue();
		}
		List<AuditRecord> drift = this.data.audit()
			.search(new AuditQuery(null, "access.drift_corrected", "iam_role", roleName, null, null), null, 10)
			.events();
		assertThat(drift).singleElement().satisfies((event) -> {
			assertThat(event.actorUsername()).isEqualTo("system:dataaccess-reconciler");
			assertThat(event.details().get("corrections").toString()).contains("inline policy data-access differed");
		});
	}

	@Test
	void rolesNoGrantJustifiesAreDeletedAndRolesThePlatformDoesNotOwnAreLeftAlone() {
		String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
				+ "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
		String ghost = this.rolePrefix + "_user_ghost-" + suffix();
		String foreign = this.rolePrefix + "_user_foreign-" + suffix();
		try (IamClient iam = moto.iam()) {
			iam.createRole((r) -> r.roleName(ghost)
				.path(IamRoles.PATH)
				.assumeRolePolicyDocument(trust)
				.tags(Tag.builder().key(IamRoles.TAG).value("control-plane:" + this.rolePrefix).build()));
			iam.createRole((r) -> r.roleName(foreign).path(IamRoles.PATH).assumeRolePolicyDocument(trust));
			this.data.status().resyncNow(ADMIN);
			assertThatExceptionOfType(NoSuchEntityException.class)
				.isThrownBy(() -> iam.getRole((r) -> r.roleName(ghost)));
			assertThat(iam.getRole((r) -> r.roleName(foreign)).role().roleName()).isEqualTo(foreign);
		}
		assertThat(this.data.audit()
			.search(new AuditQuery(null, "access.orphan_role_deleted", "iam_role", ghost, null, null), null, 10)
			.events()).hasSize(1);
	}

	@Test
	void tableLevelAccessToAnAthenaDatasetIsGrantedInLakeFormation() {
		String suffix = suffix().replace('-', '_');
		String database = "courts_" + suffix;
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix.replace('_', '-'));
		try (GlueClient glue = moto.glue()) {
			glue.createDatabase((r) -> r.databaseInput((d) -> d.name(database)));
			for (String table : List.of("hearings", "cases")) {
				glue.createTable((r) -> r.databaseName(database).tableInput((t) -> t.name(table)));
			}
		}
		String name = "courts-" + suffix.replace('_', '-');
		Dataset courts = ProvisionedDatasets.register(this.data.catalog(), this.data.groups(), name,
				(owners) -> NewDataset
					.athena(name, "Court hearings", owners, Classification.OFFICIAL, database,
							List.of("hearings", "cases"))
					.withDataAdmins(BOB.asUser()));
		assertThat(courts.status().state()).as("%s", courts.status()).isEqualTo(ApplyState.READY);
		this.data.grants()
			.grant(BOB, NewGrant.of(courts.id(), Principal.user(analyst.asUser()), AccessLevel.READ)
				.withPaths(PathAccess.read("hearings")));
		UserAccess access = awaitApplied(analyst);
		assertThat(access.applied().lakeFormation()).containsExactly("DESCRIBE on " + database,
				"DESCRIBE,SELECT on " + database + ".hearings");
		assertThat(access.applied().policies().get(1).document()).contains("athena:StartQueryExecution")
			.contains("table/" + database + "/hearings")
			.doesNotContain("table/" + database + "/cases");
		try (LakeFormationClient lakeFormation = moto.lakeFormation()) {
			List<PrincipalResourcePermissions> held = lakeFormation.listPermissions((r) -> r.maxResults(1000))
				.principalResourcePermissions()
				.stream()
				.filter((p) -> access.applied().roleArn().equals(p.principal().dataLakePrincipalIdentifier()))
				.toList();
			assertThat(held).hasSize(2);
		}
	}

	@Test
	void aVersionIsReadOnlyForWritersAndItsVerificationFindsEveryChange() {
		String suffix = suffix();
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		Dataset data = dataset("versioned-" + suffix, "curated/");
		String first = "id,value\n1,a\n";
		String second = "id,value\n2,b\n";
		try (S3Client admin = moto.s3()) {
			admin.putObject((r) -> r.bucket(data.bucket()).key("curated/versions/v1/part-0.csv"),
					RequestBody.fromString(first));
			admin.putObject((r) -> r.bucket(data.bucket()).key("curated/versions/v1/part-1.csv"),
					RequestBody.fromString(second));
		}
		this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ_WRITE));
		DatasetVersion version = this.data.versions()
			.register(BOB, data.id(),
					new NewDatasetVersion("v1", "versions/v1/",
							List.of(new ManifestEntry("part-0.csv", 13, sha256(first)),
									new ManifestEntry("part-1.csv", 13, sha256(second)))));
		assertThat(this.data.versions().verify(version.id()).intact()).isTrue();
		String roleArn = awaitApplied(analyst).applied().roleArn();
		try (S3Client s3 = moto.s3(moto.assumeWithWebIdentity(roleArn, "versions"))) {
			write(s3, data.bucket(), "curated/work/out.csv");
			assertThat(read(s3, data.bucket(), "curated/versions/v1/part-0.csv")).isEqualTo(first);
			assertDenied(() -> write(s3, data.bucket(), "curated/versions/v1/part-0.csv"));
			assertDenied(() -> write(s3, data.bucket(), "curated/versions/v1/extra.csv"));
		}
		try (S3Client admin = moto.s3()) {
			admin.putObject((r) -> r.bucket(data.bucket()).key("curated/versions/v1/part-0.csv"),
					RequestBody.fromString("id,value\n1,X\n"));
			admin.deleteObject((r) -> r.bucket(data.bucket()).key("curated/versions/v1/part-1.csv"));
			admin.putObject((r) -> r.bucket(data.bucket()).key("curated/versions/v1/extra.csv"),
					RequestBody.fromString("x"));
		}
		VersionVerification verification = this.data.versions().verify(version.id());
		assertThat(verification.intact()).isFalse();
		assertThat(verification.problems()).extracting((p) -> p.key() + " " + p.kind())
			.containsExactly("part-0.csv CONTENT_CHANGED", "part-1.csv MISSING", "extra.csv UNEXPECTED_OBJECT");
	}

	@Test
	void aForeignRoleInTheWayFailsTheUsersStatusWithAReasonUntilItIsGone() {
		String suffix = suffix();
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		String roleName = this.rolePrefix + "_user_" + analyst.username();
		String trust = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
				+ "\"Principal\":{\"Service\":\"ec2.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";
		Dataset data = dataset("blocked-" + suffix, "");
		try (IamClient iam = moto.iam()) {
			iam.createRole((r) -> r.roleName(roleName).assumeRolePolicyDocument(trust));
			this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ));
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				UserAccess access = this.data.status().of(analyst.asUser());
				assertThat(access.status().state()).isEqualTo(ApplyState.FAILED);
				assertThat(access.status().reason())
					.startsWith("IAM role " + roleName + " exists but is not managed by the Analytical Platform");
			});
			assertThat(PolicyDocuments.same(iam.getRole((r) -> r.roleName(roleName)).role().assumeRolePolicyDocument(),
					trust))
				.isTrue();
			assertThat(iam.listRolePolicies((r) -> r.roleName(roleName)).policyNames()).isEmpty();
			iam.deleteRole((r) -> r.roleName(roleName));
		}
		assertThat(awaitApplied(analyst).applied().roleArn()).endsWith("/analytical-platform/" + roleName);
	}

	private static String sha256(String content) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private UserAccess awaitApplied(Caller user) {
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.data.status().of(user.asUser());
			assertThat(access.status().upToDate()).as("%s", access.status()).isTrue();
		});
		return this.data.status().of(user.asUser());
	}

	private Dataset dataset(String bucket, String rootPrefix) {
		Dataset dataset = ProvisionedDatasets.register(this.data.catalog(), this.data.groups(), bucket,
				(owners) -> NewDataset.s3(bucket, "test data", owners, Classification.OFFICIAL, bucket, rootPrefix)
					.withDataAdmins(BOB.asUser()));
		assertThat(dataset.status().state()).as("%s", dataset.status()).isEqualTo(ApplyState.READY);
		return dataset;
	}

	private static String read(S3Client s3, String bucket, String key) {
		return s3.getObjectAsBytes((r) -> r.bucket(bucket).key(key)).asUtf8String();
	}

	private static String write(S3Client s3, String bucket, String key) {
		s3.putObject((r) -> r.bucket(bucket).key(key), RequestBody.fromString("written"));
		return key;
	}

	private static void assertDenied(Runnable call) {
		assertThatExceptionOfType(S3Exception.class).isThrownBy(call::run)
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}

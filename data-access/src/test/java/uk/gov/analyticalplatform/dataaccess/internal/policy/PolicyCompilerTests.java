package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class PolicyCompilerTests {

	static final String OIDC = "arn:aws:iam::123456789012:oidc-provider/oidc.eks.eu-west-2.amazonaws.com/id/CLUSTER";

	static final PolicySettings SETTINGS = PolicySettings.withIamLimits("aws", "123456789012", "eu-west-2", "ap", OIDC,
			"tools", "analysts", "ap-athena-results");

	static final JsonMapper json = JsonMapper.builder().build();

	final PolicyCompiler compiler = new PolicyCompiler(SETTINGS);

	static final DatasetLocation DATA = DatasetLocation.s3("data-bucket", "curated/");

	static final DatasetLocation WHOLE = DatasetLocation.s3("whole-bucket", "");

	@Test
	void aUserWithoutGrantsHasNoRole() {
		DesiredRole role = this.compiler.compile("alice", List.of(), Map.of());
		assertThat(role.hasAccess()).isFalse();
		assertThat(role.roleName()).isEqualTo("ap_user_alice");
		assertThat(role.permissionPolicies()).isEmpty();
		assertThat(role.lakeFormation()).isEmpty();
	}

	@Test
	void theRoleIsNamedForTheUserAndAUsernameIamOrKubernetesCannotTakeByItsSafeName() {
		assertThat(this.compiler.roleName("bob-smith2")).isEqualTo("ap_user_bob-smith2");
		assertThat(this.compiler.roleName("Bob")).matches("ap_user_bob-[0-9a-f]{8}");
		assertThat(this.compiler.roleName("bob/../admin")).matches("ap_user_bob-admin-[0-9a-f]{8}");
		assertThat(this.compiler.roleName("a".repeat(60))).hasSizeLessThanOrEqualTo(64);
		assertThat(this.compiler.roleName("Bob")).isNotEqualTo(this.compiler.roleName("bob"));
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.roleName(""));
	}

	@Test
	void theTrustSubjectOfAnAwkwardUsernameIsTheNamespaceAndServiceAccountTheToolLauncherCreates() {
		for (String username : List.of("Jane.Doe@Example.org", "jane_doe", "JANE", "j.doe", "x".repeat(70))) {
			DesiredRole role = this.compiler.compile(username, List.of(), Map.of());
			String namespace = WorkloadIdentities.userNamespace(username);
			assertThat(namespace).matches("user-[a-z0-9]([a-z0-9-]{0,56}[a-z0-9])?");
			assertThat(role.trustPolicy()).contains("\"system:serviceaccount:" + namespace + ":tools\"");
			assertThat(role.roleName()).isEqualTo("ap_user_" + namespace.substring("user-".length()));
		}
	}

	@Test
	void anAppHasItsOwnRoleTrustedOnlyByItsServiceAccount() {
		DesiredRole role = this.compiler.compileApp("sales-dash",
				List.of(new GrantedAccess(DATA, AccessLevel.READ, List.of(PathAccess.read("a/")))), Map.of());
		assertThat(role.roleName()).isEqualTo("ap_app_sales-dash");
		assertThat(role.trustPolicy()).contains("\"system:serviceaccount:app-sales-dash:app\"").doesNotContain("user-");
		assertThat(role.inlinePolicy().document())
			.isEqualTo(compile(new GrantedAccess(DATA, AccessLevel.READ, List.of(PathAccess.read("a/")))).inlinePolicy()
				.document());
		assertThatIllegalArgumentException().isThrownBy(() -> this.compiler.appRoleName("Sales"));
	}

	@Test
	void theTrustPolicyLetsOnlyTheUsersServiceAccountAssumeTheRoleThroughTheClusterOidcProvider() {
		DesiredRole role = this.compiler.compile("alice", List.of(), Map.of());
		assertThat(role.trustPolicy()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
				+ "\"Principal\":{\"Federated\":\"" + OIDC + "\"},\"Action\":\"sts:AssumeRoleWithWebIdentity\","
				+ "\"Condition\":{\"StringEquals\":{"
				+ "\"oidc.eks.eu-west-2.amazonaws.com/id/CLUSTER:aud\":\"sts.amazonaws.com\","
				+ "\"oidc.eks.eu-west-2.amazonaws.com/id/CLUSTER:sub\":\"system:serviceaccount:user-alice:tools\"}}}]}");
	}

	@Test
	void readOnASubPathListsAndReadsExactlyThatPrefix() {
		DesiredRole role = compile(new GrantedAccess(DATA, AccessLevel.READ, List.of(PathAccess.read("a/"))));
		assertThat(role.inlinePolicy().name()).isEqualTo("data-access");
		assertThat(role.inlinePolicy().document()).isEqualTo("{\"Version\":\"2012-10-17\",\"Statement\":["
				+ "{\"Effect\":\"Allow\",\"Action\":[\"s3:ListBucket\"],\"Resource\":\"arn:aws:s3:::data-bucket\","
				+ "\"Condition\":{\"StringLike\":{\"s3:prefix\":[\"curated/a/*\"]}}},"
				+ "{\"Effect\":\"Allow\",\"Action\":[\"s3:GetObject\",\"s3:GetObjectVersion\"],"
				+ "\"Resource\":[\"arn:aws:s3:::data-bucket/curated/a/*\"]}]}");
		assertThat(role.managedPolicies()).isEmpty();
		assertThat(role.lakeFormation()).isEmpty();
	}

	@Test
	void readWriteAlsoWritesAndDeletesOnTheSamePrefixes() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ_WRITE));
		assertThat(statement(role, "s3:PutObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/*\"]");
		assertThat(actions(statement(role, "s3:PutObject"))).containsExactly("s3:AbortMultipartUpload",
				"s3:DeleteObject", "s3:PutObject");
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/*\"]");
	}

	@Test
	void adminMayWriteLikeReadWrite() {
		assertThat(compile(GrantedAccess.whole(DATA, AccessLevel.ADMIN)))
			.isEqualTo(compile(GrantedAccess.whole(DATA, AccessLevel.READ_WRITE)));
	}

	@Test
	void readDoesNotWrite() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ));
		assertThat(role.inlinePolicy().document()).doesNotContain("s3:PutObject", "s3:DeleteObject");
	}

	@Test
	void aWholeBucketNeedsNoPrefixCondition() {
		DesiredRole role = compile(GrantedAccess.whole(WHOLE, AccessLevel.READ));
		JsonNode list = statement(role, "s3:ListBucket");
		assertThat(list.has("Condition")).isFalse();
		assertThat(list.get("Resource").toString()).isEqualTo("[\"arn:aws:s3:::whole-bucket\"]");
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::whole-bucket/*\"]");
	}

	@Test
	void aPrefixCoveredByABroaderGrantIsNotRepeated() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ),
				new GrantedAccess(DATA, AccessLevel.READ, List.of(PathAccess.read("a/"), PathAccess.read("a/b/"))),
				new GrantedAccess(DatasetLocation.s3("data-bucket", "curated/a/"), AccessLevel.READ, List.of()));
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/*\"]");
		assertThat(statement(role, "s3:ListBucket").toString()).contains("[\"curated/*\"]");
	}

	@Test
	void siblingPrefixesThatShareLettersAreBothKept() {
		DesiredRole role = compile(new GrantedAccess(DATA, AccessLevel.READ,
				List.of(PathAccess.read("a/"), PathAccess.read("ab/"), PathAccess.read("a/b/"))));
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/a/*\",\"arn:aws:s3:::data-bucket/curated/ab/*\"]");
	}

	@Test
	void aWritablePathUnderAReadablePrefixKeepsItsWriteAndAddsNoRead() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ),
				new GrantedAccess(DATA, AccessLevel.READ_WRITE, List.of(PathAccess.readWrite("scratch/"))));
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/*\"]");
		assertThat(statement(role, "s3:PutObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/scratch/*\"]");
	}

	@Test
	void eachPathHasItsOwnLevel() {
		DesiredRole role = compile(new GrantedAccess(DATA, AccessLevel.READ_WRITE,
				List.of(PathAccess.read("reference/"), PathAccess.readWrite("work/"))));
		assertThat(statement(role, "s3:GetObject").get("Resource").toString()).isEqualTo(
				"[\"arn:aws:s3:::data-bucket/curated/reference/*\",\"arn:aws:s3:::data-bucket/curated/work/*\"]");
		assertThat(statement(role, "s3:PutObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/work/*\"]");
		assertThat(statement(role, "s3:ListBucket").toString())
			.contains("[\"curated/reference/*\",\"curated/work/*\"]");
	}

	@Test
	void bucketsAreListedInOrderWithOneListStatementEach() {
		DesiredRole role = compile(GrantedAccess.whole(DatasetLocation.s3("zeta", ""), AccessLevel.READ),
				GrantedAccess.whole(DatasetLocation.s3("alpha", "x/"), AccessLevel.READ));
		JsonNode statements = json.readTree(role.inlinePolicy().document()).get("Statement");
		assertThat(statements.get(0).get("Resource").asString()).isEqualTo("arn:aws:s3:::alpha");
		assertThat(statements.get(1).get("Resource").toString()).isEqualTo("[\"arn:aws:s3:::zeta\"]");
		assertThat(statements.get(2).get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::alpha/x/*\",\"arn:aws:s3:::zeta/*\"]");
	}

	@Test
	void theOutputDoesNotDependOnTheOrderOfGrants() {
		List<GrantedAccess> grants = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			grants.add(new GrantedAccess(DatasetLocation.s3("bucket-" + (i % 7), "root-" + (i % 3) + "/"),
					AccessLevel.values()[i % 3], List.of(PathAccess.read("p" + i + "/"))));
			grants.add(GrantedAccess.whole(DatasetLocation.athena("db_" + (i % 5), List.of()), AccessLevel.READ));
		}
		DesiredRole expected = this.compiler.compile("alice", grants, Map.of());
		Random random = new Random(42);
		for (int i = 0; i < 20; i++) {
			List<GrantedAccess> shuffled = new ArrayList<>(grants);
			Collections.shuffle(shuffled, random);
			assertThat(this.compiler.compile("alice", shuffled, Map.of())).isEqualTo(expected);
		}
	}

	@Test
	void versionPrefixesAreNeverWritableEvenUnderAWritableGrant() {
		DesiredRole role = this.compiler.compile("alice", List.of(GrantedAccess.whole(DATA, AccessLevel.READ_WRITE)),
				Map.of("data-bucket", List.of("curated/versions/v1/", "curated/versions/v2/", "elsewhere/v1/")));
		JsonNode deny = statement(role, "s3:DeleteObjectVersion");
		assertThat(deny.get("Effect").asString()).isEqualTo("Deny");
		assertThat(actions(deny)).containsExactly("s3:AbortMultipartUpload", "s3:DeleteObject",
				"s3:DeleteObjectVersion", "s3:PutObject");
		assertThat(deny.get("Resource").toString()).isEqualTo(
				"[\"arn:aws:s3:::data-bucket/curated/versions/v1/*\",\"arn:aws:s3:::data-bucket/curated/versions/v2/*\"]");
	}

	@Test
	void aWritablePathInsideAVersionIsNotWritableAtAll() {
		DesiredRole role = this.compiler.compile("alice",
				List.of(new GrantedAccess(DATA, AccessLevel.READ_WRITE, List.of(PathAccess.readWrite("v1/part/")))),
				Map.of("data-bucket", List.of("curated/v1/")));
		assertThat(role.inlinePolicy().document()).doesNotContain("s3:PutObject");
		assertThat(statement(role, "s3:GetObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::data-bucket/curated/v1/part/*\"]");
	}

	@Test
	void readersOfAVersionedDatasetNeedNoDeny() {
		DesiredRole role = this.compiler.compile("alice", List.of(GrantedAccess.whole(DATA, AccessLevel.READ)),
				Map.of("data-bucket", List.of("curated/v1/")));
		assertThat(role.inlinePolicy().document()).doesNotContain("Deny");
	}

	@Test
	void aWholeGlueDatabaseGivesAthenaGlueReadAndLakeFormationOnAllItsTables() {
		DesiredRole role = compile(GrantedAccess.whole(DatasetLocation.athena("prisons", List.of()), AccessLevel.READ));
		assertThat(role.lakeFormation()).extracting(LakeFormationGrant::toString)
			.containsExactly("DESCRIBE on prisons", "DESCRIBE,SELECT on prisons.*");
		assertThat(statement(role, "athena:StartQueryExecution").get("Resource").toString())
			.isEqualTo("[\"arn:aws:athena:eu-west-2:123456789012:workgroup/analysts\"]");
		assertThat(statement(role, "glue:GetTable").get("Resource").toString())
			.isEqualTo("[\"arn:aws:glue:eu-west-2:123456789012:catalog\","
					+ "\"arn:aws:glue:eu-west-2:123456789012:database/prisons\","
					+ "\"arn:aws:glue:eu-west-2:123456789012:table/prisons/*\"]");
		assertThat(statement(role, "lakeformation:GetDataAccess").get("Resource").toString()).isEqualTo("[\"*\"]");
		assertThat(statement(role, "s3:PutObject").get("Resource").toString())
			.isEqualTo("[\"arn:aws:s3:::ap-athena-results/alice/*\"]");
	}

	@Test
	void tableLevelAccessGrantsLakeFormationOnThoseTablesOnly() {
		DesiredRole role = compile(new GrantedAccess(DatasetLocation.athena("prisons", List.of()),
				AccessLevel.READ_WRITE, List.of(PathAccess.read("population"), PathAccess.readWrite("staging"))));
		assertThat(role.lakeFormation()).extracting(LakeFormationGrant::toString)
			.containsExactly("DESCRIBE on prisons", "DESCRIBE,SELECT on prisons.population",
					"DELETE,DESCRIBE,INSERT,SELECT on prisons.staging");
		assertThat(statement(role, "glue:GetTable").get("Resource").toString())
			.contains("table/prisons/population", "table/prisons/staging")
			.doesNotContain("table/prisons/*");
	}

	@Test
	void aDatasetOfSomeTablesGrantsThoseTablesAndATableCoveredByTheWildcardIsNotRepeated() {
		DesiredRole some = compile(
				GrantedAccess.whole(DatasetLocation.athena("courts", List.of("hearings", "cases")), AccessLevel.READ));
		assertThat(some.lakeFormation()).extracting(LakeFormationGrant::toString)
			.containsExactly("DESCRIBE on courts", "DESCRIBE,SELECT on courts.cases",
					"DESCRIBE,SELECT on courts.hearings");
		DesiredRole covered = compile(
				GrantedAccess.whole(DatasetLocation.athena("courts", List.of()), AccessLevel.READ),
				GrantedAccess.whole(DatasetLocation.athena("courts", List.of("cases")), AccessLevel.READ),
				new GrantedAccess(DatasetLocation.athena("courts", List.of()), AccessLevel.READ_WRITE,
						List.of(PathAccess.readWrite("drafts"))));
		assertThat(covered.lakeFormation()).extracting(LakeFormationGrant::toString)
			.containsExactly("DESCRIBE on courts", "DESCRIBE,SELECT on courts.*",
					"DELETE,DESCRIBE,INSERT,SELECT on courts.drafts");
	}

	@Test
	void s3OnlyAccessNeedsNoAthenaGlueOrLakeFormation() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ));
		assertThat(role.inlinePolicy().document()).doesNotContain("athena:", "glue:", "lakeformation:",
				"ap-athena-results");
	}

	@Test
	void muchAccessSpillsIntoManagedPoliciesThatEachFitIamLimits() {
		List<PathAccess> paths = new ArrayList<>();
		for (int i = 0; i < 600; i++) {
			paths.add((i % 2 == 0) ? PathAccess.read(String.format("area-%04d/", i))
					: PathAccess.readWrite(String.format("area-%04d/", i)));
		}
		DesiredRole role = compile(new GrantedAccess(DATA, AccessLevel.READ_WRITE, paths));
		assertThat(role.inlinePolicy().document().length()).isLessThanOrEqualTo(10_240).isGreaterThan(9_000);
		assertThat(role.managedPolicies()).isNotEmpty().hasSizeLessThanOrEqualTo(10);
		for (int i = 0; i < role.managedPolicies().size(); i++) {
			NamedPolicy policy = role.managedPolicies().get(i);
			assertThat(policy.name()).isEqualTo("ap_user_alice-" + (i + 1));
			assertThat(policy.document().length()).isLessThanOrEqualTo(6_144);
		}
		Set<String> reads = new HashSet<>();
		Set<String> writes = new HashSet<>();
		Set<String> listed = new HashSet<>();
		for (NamedPolicy policy : role.permissionPolicies()) {
			for (JsonNode statement : json.readTree(policy.document()).get("Statement")) {
				List<String> actions = actions(statement);
				if (actions.contains("s3:GetObject")) {
					statement.get("Resource").forEach((r) -> reads.add(r.asString()));
				}
				if (actions.contains("s3:PutObject")) {
					statement.get("Resource").forEach((r) -> writes.add(r.asString()));
				}
				if (actions.contains("s3:ListBucket")) {
					statement.get("Condition")
						.get("StringLike")
						.get("s3:prefix")
						.forEach((p) -> listed.add(p.asString()));
				}
			}
		}
		assertThat(reads).hasSize(600).contains("arn:aws:s3:::data-bucket/curated/area-0000/*");
		assertThat(writes).hasSize(300).contains("arn:aws:s3:::data-bucket/curated/area-0001/*");
		assertThat(listed).hasSize(600);
	}

	@Test
	void accessBeyondTenManagedPoliciesIsRefused() {
		List<PathAccess> paths = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			paths.add(PathAccess.readWrite(String.format("a-rather-long-area-name-%05d/", i)));
		}
		assertThatExceptionOfType(PolicyLimitExceeded.class)
			.isThrownBy(() -> compile(new GrantedAccess(DATA, AccessLevel.READ_WRITE, paths)))
			.withMessageContaining("at most 10");
	}

	@Test
	void aPolicyEvenANarrowLimitCanHoldIsSplitAcrossStatements() {
		PolicySettings narrow = new PolicySettings("aws", "123456789012", "eu-west-2", "ap", OIDC, "tools", "analysts",
				null, 400, 400, 10);
		DesiredRole role = new PolicyCompiler(narrow)
			.compile(
					"alice", List
						.of(new GrantedAccess(DATA, AccessLevel.READ,
								List.of(PathAccess.read("a/"), PathAccess.read("b/"), PathAccess.read("c/"),
										PathAccess.read("d/"), PathAccess.read("e/"), PathAccess.read("f/")))),
					Map.of());
		assertThat(role.permissionPolicies())
			.allSatisfy((p) -> assertThat(p.document().length()).isLessThanOrEqualTo(400));
		assertThat(role.managedPolicies()).isNotEmpty();
		String all = String.join("", role.permissionPolicies().stream().map(NamedPolicy::document).toList());
		for (String letter : List.of("a", "b", "c", "d", "e", "f")) {
			assertThat(all).contains("data-bucket/curated/" + letter + "/*");
		}
	}

	@Test
	void aSingleResourceNoPolicyCanHoldIsRefused() {
		PolicySettings tiny = new PolicySettings("aws", "123456789012", "eu-west-2", "ap", OIDC, "tools", "analysts",
				null, 120, 120, 10);
		assertThatExceptionOfType(PolicyLimitExceeded.class)
			.isThrownBy(() -> new PolicyCompiler(tiny).compile("alice",
					List.of(GrantedAccess.whole(DATA, AccessLevel.READ)), Map.of()))
			.withMessageContaining("too large");
	}

	@Test
	void everyDocumentIsValidJson() {
		DesiredRole role = compile(GrantedAccess.whole(DATA, AccessLevel.READ_WRITE),
				GrantedAccess.whole(DatasetLocation.athena("prisons", List.of("a")), AccessLevel.READ));
		assertThat(json.readTree(role.trustPolicy()).get("Version").asString()).isEqualTo("2012-10-17");
		assertThat(json.readTree(role.inlinePolicy().document()).get("Statement").size()).isEqualTo(7);
	}

	private DesiredRole compile(GrantedAccess... grants) {
		return this.compiler.compile("alice", List.of(grants), Map.of());
	}

	private static JsonNode statement(DesiredRole role, String action) {
		for (NamedPolicy policy : role.permissionPolicies()) {
			for (JsonNode statement : json.readTree(policy.document()).get("Statement")) {
				if (actions(statement).contains(action)) {
					return statement;
				}
			}
		}
		throw new AssertionError("No statement allows " + action + " in " + role.permissionPolicies());
	}

	private static List<String> actions(JsonNode statement) {
		List<String> actions = new ArrayList<>();
		statement.get("Action").forEach((action) -> actions.add(action.asString()));
		return actions;
	}

}

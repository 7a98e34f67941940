package uk.gov.analyticalplatform.dataaccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditQuery;
import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@Import(AccessWorkflowIT.Clocks.class)
class AccessWorkflowIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final Caller ALICE = Caller.user("u-alice", "alice");

	static final Caller BOB = Caller.user("u-bob", "bob");

	static final Caller CAROL = Caller.user("u-carol", "carol");

	static final Caller DAVE = Caller.user("u-dave", "dave");

	@Autowired
	DatasetCatalog catalog;

	@Autowired
	Groups groups;

	@Autowired
	Grants grants;

	@Autowired
	AccessRequests requests;

	@Autowired
	DatasetVersions versions;

	@Autowired
	AccessStatus status;

	@Autowired
	AuditEvents audit;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationContext context;

	@Value("${platform.test.database}")
	String database;

	@TestConfiguration(proxyBeanMethods = false)
	static class Clocks {

		@Bean
		MovableClock clock() {
			return new MovableClock();
		}

	}

	@Test
	void anApprovedRequestBecomesAGrantAppliedToAwsWithEveryStepAudited() {
		Dataset dataset = dataset();
		AccessRequest request = this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "monthly prison population report")
					.withPaths(PathAccess.read("a")));
		assertThat(request.state()).isEqualTo(AccessRequestState.PENDING);
		assertThat(request.paths()).containsExactly(PathAccess.read("a/"));
		assertThat(this.requests.awaitingDecision(BOB)).extracting(AccessRequest::id).contains(request.id());
		assertThat(this.requests.awaitingDecision(ALICE)).isEmpty();

		AccessRequest approved = this.requests.approve(BOB, request.id(), "needed for the report");
		assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(BOB.asUser());
		Grant grant = this.grants.get(approved.grantId());
		assertThat(grant.principal()).isEqualTo(Principal.user(ALICE.asUser()));
		assertThat(grant.requestId()).isEqualTo(request.id());
		assertThat(grant.grantedBy()).isEqualTo(BOB.asUser());

		assertThat(actions("access_request", request.id())).containsExactly("access_request.created",
				"access_request.approved");
		assertThat(actions("grant", grant.id())).containsExactly("grant.created");
		AuditRecord created = events("grant", grant.id()).get(0);
		assertThat(created.actorUsername()).isEqualTo("bob");
		assertThat(created.details()).containsEntry("requestId", request.id().toString())
			.containsEntry("level", "READ")
			.containsEntry("principal", "alice");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.status.of(ALICE.asUser());
			assertThat(access.status().upToDate()).isTrue();
			assertThat(access.applied()).isNotNull();
			assertThat(access.applied().policies()).extracting(UserAccess.AppliedPolicy::name)
				.containsExactly("trust", "data-access");
			assertThat(access.applied().policies().get(1).document())
				.contains("arn:aws:s3:::" + dataset.bucket() + "/" + "curated/a/*");
		});
		UserAccess access = this.status.of(ALICE.asUser());
		assertThat(access.datasets()).singleElement().satisfies((entry) -> {
			assertThat(entry.dataset().id()).isEqualTo(dataset.id());
			assertThat(entry.level()).isEqualTo(AccessLevel.READ);
			assertThat(entry.paths()).containsExactly(PathAccess.read("a/"));
			assertThat(entry.via()).containsExactly("direct");
		});
	}

	@Test
	void requestsWaitingLongerThanADayAreCountedUntilDecided() {
		AccessRequest request = this.requests.submit(CAROL,
				NewAccessRequest.of(dataset().id(), AccessLevel.READ, "quarterly statistics"));
		long waitingLong = this.requests.pendingLongerThan(Duration.ofDays(1));

		this.clock.advance(Duration.ofHours(25));

		assertThat(this.requests.pendingLongerThan(Duration.ofDays(1))).isGreaterThanOrEqualTo(waitingLong + 1);
		long counted = this.requests.pendingLongerThan(Duration.ofDays(1));
		this.requests.withdraw(CAROL, request.id(), "no longer needed");
		assertThat(this.requests.pendingLongerThan(Duration.ofDays(1))).isEqualTo(counted - 1);
	}

	@Test
	void approvingOwnRequestIsForbidden() {
		Dataset dataset = dataset();
		this.catalog.addDataAdmin(ADMIN, dataset.id(), ALICE.asUser());
		AccessRequest request = this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "I administer it but need the data too"));
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.requests.approve(ALICE, request.id(), "mine"));
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(() -> this.grants.grant(ALICE,
				NewGrant.of(dataset.id(), Principal.user(ALICE.asUser()), AccessLevel.READ)));
		assertThat(this.requests.awaitingDecision(ALICE)).extracting(AccessRequest::id).doesNotContain(request.id());
		assertThat(this.requests.get(ALICE, request.id()).state()).isEqualTo(AccessRequestState.PENDING);
	}

	@Test
	void onlyThoseWhoManageTheDatasetDecide() {
		Dataset dataset = dataset();
		AccessRequest request = this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.requests.approve(DAVE, request.id(), "why not"));
		assertThatExceptionOfType(AccessRequestNotFound.class).isThrownBy(() -> this.requests.get(DAVE, request.id()));
		assertThat(this.requests.approve(ADMIN, request.id(), "platform admin").state())
			.isEqualTo(AccessRequestState.APPROVED);
	}

	@Test
	void exactlyOneOfTwoSimultaneousDecisionsWins() throws Exception {
		for (int round = 0; round < 5; round++) {
			Dataset dataset = dataset();
			this.catalog.addDataAdmin(ADMIN, dataset.id(), CAROL.asUser());
			AccessRequest request = this.requests.submit(ALICE,
					NewAccessRequest.of(dataset.id(), AccessLevel.READ_WRITE, "pipeline outputs"));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				List<Callable<AccessRequest>> decisions = List.of(() -> {
					start.await();
					return this.requests.approve(BOB, request.id(), "yes");
				}, () -> {
					start.await();
					return this.requests.reject(CAROL, request.id(), "no");
				});
				List<Future<AccessRequest>> results = new ArrayList<>();
				decisions.forEach((decision) -> results.add(threads.submit(decision)));
				start.countDown();
				int won = 0;
				int lost = 0;
				for (Future<AccessRequest> result : results) {
					try {
						result.get();
						won++;
					}
					catch (ExecutionException ex) {
						assertThat(ex.getCause()).isInstanceOf(RequestAlreadyDecided.class);
						lost++;
					}
				}
				assertThat(won).isEqualTo(1);
				assertThat(lost).isEqualTo(1);
			}
			finally {
				threads.shutdown();
			}
			AccessRequest decided = this.requests.get(ADMIN, request.id());
			List<String> decisions = actions("access_request", request.id());
			assertThat(decisions).hasSize(2).startsWith("access_request.created");
			assertThat(this.grants.activeOn(ADMIN, dataset.id()))
				.hasSize((decided.state() == AccessRequestState.APPROVED) ? 1 : 0);
		}
	}

	@Test
	void aSecondPendingRequestForTheSameDatasetIsADuplicate() {
		Dataset dataset = dataset();
		this.requests.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "first"));
		assertThatExceptionOfType(DuplicateAccessRequest.class).isThrownBy(
				() -> this.requests.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "again")));
	}

	@Test
	void aDecidedRequestCannotBeDecidedAgain() {
		Dataset dataset = dataset();
		AccessRequest request = this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		this.requests.reject(BOB, request.id(), "use the published statistics instead");
		assertThatExceptionOfType(RequestAlreadyDecided.class)
			.isThrownBy(() -> this.requests.approve(ADMIN, request.id(), "overrule"))
			.withMessageContaining("rejected");
		assertThatExceptionOfType(RequestAlreadyDecided.class)
			.isThrownBy(() -> this.requests.withdraw(ALICE, request.id(), "never mind"));
		assertThat(this.grants.activeOn(ADMIN, dataset.id())).isEmpty();
	}

	@Test
	void requestsNeedAJustificationAndValidPathsAndRejectionsAReason() {
		Dataset dataset = dataset();
		assertThatExceptionOfType(InvalidGrant.class)
			.isThrownBy(() -> this.requests.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, " ")));
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.read("../b"))));
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.read("/abs/"))));
		assertThatExceptionOfType(InvalidGrant.class).isThrownBy(() -> this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.readWrite("a/"))));
		assertThatExceptionOfType(DatasetNotFound.class).isThrownBy(
				() -> this.requests.submit(ALICE, NewAccessRequest.of(UUID.randomUUID(), AccessLevel.READ, "x")));
		AccessRequest request = this.requests.submit(ALICE,
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		assertThatExceptionOfType(InvalidGrant.class).isThrownBy(() -> this.requests.reject(BOB, request.id(), ""));
		assertThat(this.requests.withdraw(ALICE, request.id(), "not needed").state())
			.isEqualTo(AccessRequestState.WITHDRAWN);
		assertThat(actions("access_request", request.id())).containsExactly("access_request.created",
				"access_request.withdrawn");
	}

	@Test
	void expiredGrantsAreRevokedAutomaticallyAndAudited() {
		Dataset dataset = dataset();
		Caller analyst = newAnalyst();
		Grant grant = this.grants.grant(BOB,
				NewGrant.of(dataset.id(), Principal.user(analyst.asUser()), AccessLevel.READ)
					.expiringAt(this.clock.instant().plus(Duration.ofDays(7))));
		assertThat(this.status.of(analyst.asUser()).datasets()).hasSize(1);
		this.clock.advance(Duration.ofDays(8));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.grants.get(grant.id()).active()).isFalse());
		Grant ended = this.grants.get(grant.id());
		assertThat(ended.revokedBy()).isEqualTo("system:dataaccess-reconciler");
		assertThat(actions("grant", grant.id())).containsExactly("grant.created", "grant.expired");
		assertThat(this.status.of(analyst.asUser()).datasets()).isEmpty();
	}

	@Test
	void aGrantToAGroupReachesEveryMemberAndLeavingTheGroupEndsIt() {
		Dataset dataset = dataset();
		Caller analyst = newAnalyst();
		Group team = this.groups.create(ADMIN, "team-" + suffix(), "analysts of one team");
		this.groups.addMember(ADMIN, team.id(), analyst.asUser());
		this.grants.grant(BOB, NewGrant.of(dataset.id(), Principal.group(team.id()), AccessLevel.READ));
		assertThat(this.status.of(analyst.asUser()).datasets()).singleElement()
			.satisfies((entry) -> assertThat(entry.via()).containsExactly("group:" + team.name()));
		this.groups.removeMember(ADMIN, team.id(), analyst.userId());
		assertThat(this.status.of(analyst.asUser()).datasets()).isEmpty();
		assertThat(actions("group", team.id())).containsExactly("group.created", "group.member_added",
				"group.member_removed");
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(() -> {
			this.groups.addMember(ADMIN, team.id(), BOB.asUser());
			this.grants.grant(BOB, NewGrant.of(dataset.id(), Principal.group(team.id()), AccessLevel.READ_WRITE));
		});
	}

	@Test
	void aNewGrantReplacesThePrincipalsActiveGrantAndRevokingEndsIt() {
		Dataset dataset = dataset();
		Grant read = this.grants.grant(BOB, NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ));
		Grant write = this.grants.grant(BOB,
				NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ_WRITE));
		assertThat(this.grants.get(read.id()).revokeReason()).isEqualTo("replaced by grant " + write.id());
		assertThat(this.grants.activeOn(BOB, dataset.id())).extracting(Grant::id).containsExactly(write.id());
		this.grants.revoke(BOB, write.id(), "project finished");
		assertThat(this.grants.activeOn(BOB, dataset.id())).isEmpty();
		assertThat(actions("grant", write.id())).containsExactly("grant.created", "grant.revoked");
		List<AccessReviewEntry> review = this.grants.review(BOB, dataset.id());
		assertThat(review).hasSize(2).allSatisfy((entry) -> assertThat(entry.revokedAt()).isNotNull());
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.grants.review(DAVE, dataset.id()));
	}

	@Test
	void aGrantThatCannotFitIamLimitsIsRefusedWhenItIsMade() {
		Dataset dataset = dataset();
		List<PathAccess> paths = new ArrayList<>();
		for (int i = 0; i < 2_000; i++) {
			paths.add(PathAccess.readWrite(String.format("a-rather-long-area-name-%05d/", i)));
		}
		assertThatExceptionOfType(GrantDoesNotFit.class)
			.isThrownBy(() -> this.grants.grant(BOB,
					new NewGrant(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ_WRITE, paths, null)))
			.withMessageContaining("dave");
		assertThat(this.grants.activeOn(BOB, dataset.id())).isEmpty();
	}

	@Test
	void datasetsAreCreatedByPlatformAdminsOnlyAndNamedUniquely() {
		Dataset dataset = dataset();
		assertThat(actions("dataset", dataset.id())).containsExactly("dataset.created", "dataset.admin_added");
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.catalog.create(BOB,
				NewDataset.s3("other", "", dataset.owner().id(), Classification.OFFICIAL, "bucket-x", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.catalog.create(ADMIN,
				NewDataset.s3(dataset.name(), "", dataset.owner().id(), Classification.OFFICIAL, "bucket-y", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.catalog.create(ADMIN, NewDataset
			.s3("x" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL, dataset.bucket(), "curated")));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> this.catalog.create(ADMIN,
				NewDataset.s3("y" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL, "Bad_Bucket", "")));
		assertThat(this.catalog.search(dataset.name().substring(0, 12))).extracting(Dataset::id).contains(dataset.id());
		assertThat(this.catalog.getByName(dataset.name()).id()).isEqualTo(dataset.id());
		assertThatExceptionOfType(DatasetNotFound.class).isThrownBy(() -> this.catalog.get(UUID.randomUUID()));
	}

	@Test
	void registeringAVersionMakesItsPrefixReadOnlyForWriters() {
		Dataset dataset = dataset();
		Caller analyst = newAnalyst();
		this.grants.grant(BOB, NewGrant.of(dataset.id(), Principal.user(analyst.asUser()), AccessLevel.READ_WRITE));
		DatasetVersion version = this.versions.register(analyst, dataset.id(), new NewDatasetVersion("v1",
				"versions/v1", List.of(new ManifestEntry("part-0.csv", 3, "a".repeat(64)))));
		assertThat(version.s3Uri()).isEqualTo("s3://" + dataset.bucket() + "/curated/versions/v1/");
		assertThat(this.versions.list(dataset.id())).extracting(DatasetVersion::id).containsExactly(version.id());
		assertThat(this.versions.get(version.id()).manifest()).hasSize(1);
		assertThatExceptionOfType(DuplicateDatasetVersion.class).isThrownBy(() -> this.versions.register(analyst,
				dataset.id(), new NewDatasetVersion("v1", "versions/other", version.manifest())));
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.versions.register(ALICE, dataset.id(),
				new NewDatasetVersion("v2", "versions/v2", version.manifest())));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.status.of(analyst.asUser());
			assertThat(access.status().upToDate()).isTrue();
			assertThat(access.applied().policies().get(1).document()).contains("\"Effect\":\"Deny\"")
				.contains(dataset.bucket() + "/curated/versions/v1/*");
		});
		assertThat(actions("dataset", dataset.id())).contains("dataset_version.registered");
	}

	@Test
	void theApplicationsDatabaseRoleCannotRewriteAGrant() throws SQLException {
		Dataset dataset = dataset();
		Grant grant = this.grants.grant(BOB,
				NewGrant.of(dataset.id(), Principal.user(DAVE.asUser()), AccessLevel.READ));
		try (Connection app = TestDatabases.application(this.database)) {
			assertThatThrownBy(() -> app.createStatement()
				.executeUpdate("UPDATE grants SET level = 'ADMIN' WHERE id = '" + grant.id() + "'"))
				.hasMessageContaining("permission denied");
			assertThatThrownBy(
					() -> app.createStatement().executeUpdate("DELETE FROM grants WHERE id = '" + grant.id() + "'"))
				.hasMessageContaining("permission denied");
		}
	}

	@Test
	void withNothingToSendThemNoNotificationsAreQueued() throws SQLException {
		Dataset dataset = dataset();
		AccessRequest request = this.requests.submit(newAnalyst(),
				NewAccessRequest.of(dataset.id(), AccessLevel.READ, "quarterly statistics"));
		this.requests.approve(BOB, request.id(), "fine");
		assertThat(this.context.getBeanNamesForType(AccessNotifications.class)).isEmpty();
		try (Connection db = TestDatabases.superuser(this.database);
				var rows = db.createStatement().executeQuery("SELECT count(*) FROM access_notifications")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	private Dataset dataset() {
		String suffix = suffix();
		Group owner = this.groups.create(ADMIN, "owners-" + suffix, "");
		return this.catalog.create(ADMIN,
				NewDataset
					.s3("prisons-" + suffix, "Prison population", owner.id(), Classification.OFFICIAL_SENSITIVE,
							"data-" + suffix, "curated/")
					.withDataAdmins(BOB.asUser()));
	}

	private static Caller newAnalyst() {
		String suffix = suffix();
		return Caller.user("u-" + suffix, "analyst-" + suffix);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private List<AuditRecord> events(String type, UUID id) {
		List<AuditRecord> records = new ArrayList<>(
				this.audit.search(new AuditQuery(null, null, type, id.toString(), null, null), null, 500).events());
		Collections.reverse(records);
		return records;
	}

	private List<String> actions(String type, UUID id) {
		return events(type, id).stream().map(AuditRecord::action).toList();
	}

}

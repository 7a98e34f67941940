package uk.gov.analyticalplatform.dataaccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
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
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.ADMIN;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.ALICE;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.BOB;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.CAROL;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.DAVE;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.actions;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.events;

/**
 * Requesting access and deciding it: approval becomes a grant applied to AWS with every
 * step audited; who may decide, once, never their own request; and what a request needs.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@Import({ DataAccessFixture.Clocks.class, DataAccessServices.Config.class })
class AccessRequestsIT {

	@Autowired
	DataAccessServices data;

	@Autowired
	MovableClock clock;

	@Autowired
	ApplicationContext context;

	@Value("${platform.test.database}")
	String database;

	@Test
	void anApprovedRequestBecomesAGrantAppliedToAwsWithEveryStepAudited() {
		Dataset dataset = dataset();
		AccessRequest request = this.data.requests()
			.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "monthly prison population report")
				.withPaths(PathAccess.read("a")));
		assertThat(request.state()).isEqualTo(AccessRequestState.PENDING);
		assertThat(request.paths()).containsExactly(PathAccess.read("a/"));
		assertThat(this.data.requests().awaitingDecision(BOB)).extracting(AccessRequest::id).contains(request.id());
		assertThat(this.data.requests().awaitingDecision(ALICE)).isEmpty();

		AccessRequest approved = this.data.requests().approve(BOB, request.id(), "needed for the report");
		assertThat(approved.state()).isEqualTo(AccessRequestState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(BOB.asUser());
		Grant grant = this.data.grants().get(approved.grantId());
		assertThat(grant.principal()).isEqualTo(Principal.user(ALICE.asUser()));
		assertThat(grant.requestId()).isEqualTo(request.id());
		assertThat(grant.grantedBy()).isEqualTo(BOB.asUser());

		assertThat(actions(this.data.audit(), "access_request", request.id())).containsExactly("access_request.created",
				"access_request.approved");
		assertThat(actions(this.data.audit(), "grant", grant.id())).containsExactly("grant.created");
		AuditRecord created = events(this.data.audit(), "grant", grant.id()).get(0);
		assertThat(created.actorUsername()).isEqualTo("bob");
		assertThat(created.details()).containsEntry("requestId", request.id().toString())
			.containsEntry("level", "READ")
			.containsEntry("principal", "alice");

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.data.status().of(ALICE.asUser());
			assertThat(access.status().upToDate()).isTrue();
			assertThat(access.applied()).isNotNull();
			assertThat(access.applied().policies()).extracting(UserAccess.AppliedPolicy::name)
				.containsExactly("trust", "data-access");
			assertThat(access.applied().policies().get(1).document())
				.contains("arn:aws:s3:::" + dataset.bucket() + "/" + "curated/a/*");
		});
		UserAccess access = this.data.status().of(ALICE.asUser());
		assertThat(access.datasets()).singleElement().satisfies((entry) -> {
			assertThat(entry.dataset().id()).isEqualTo(dataset.id());
			assertThat(entry.level()).isEqualTo(AccessLevel.READ);
			assertThat(entry.paths()).containsExactly(PathAccess.read("a/"));
			assertThat(entry.via()).containsExactly("direct");
		});
	}

	@Test
	void requestsWaitingLongerThanADayAreCountedUntilDecided() {
		AccessRequest request = this.data.requests()
			.submit(CAROL, NewAccessRequest.of(dataset().id(), AccessLevel.READ, "quarterly statistics"));
		long waitingLong = this.data.requests().pendingLongerThan(Duration.ofDays(1));

		this.clock.advance(Duration.ofHours(25));

		assertThat(this.data.requests().pendingLongerThan(Duration.ofDays(1))).isGreaterThanOrEqualTo(waitingLong + 1);
		long counted = this.data.requests().pendingLongerThan(Duration.ofDays(1));
		this.data.requests().withdraw(CAROL, request.id(), "no longer needed");
		assertThat(this.data.requests().pendingLongerThan(Duration.ofDays(1))).isEqualTo(counted - 1);
	}

	@Test
	void approvingOwnRequestIsForbidden() {
		Dataset dataset = dataset();
		this.data.catalog().addDataAdmin(ADMIN, dataset.id(), ALICE.asUser());
		AccessRequest request = this.data.requests()
			.submit(ALICE,
					NewAccessRequest.of(dataset.id(), AccessLevel.READ, "I administer it but need the data too"));
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.data.requests().approve(ALICE, request.id(), "mine"));
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(() -> this.data.grants()
			.grant(ALICE, NewGrant.of(dataset.id(), Principal.user(ALICE.asUser()), AccessLevel.READ)));
		assertThat(this.data.requests().awaitingDecision(ALICE)).extracting(AccessRequest::id)
			.doesNotContain(request.id());
		assertThat(this.data.requests().get(ALICE, request.id()).state()).isEqualTo(AccessRequestState.PENDING);
	}

	@Test
	void onlyThoseWhoManageTheDatasetDecide() {
		Dataset dataset = dataset();
		AccessRequest request = this.data.requests()
			.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.data.requests().approve(DAVE, request.id(), "why not"));
		assertThatExceptionOfType(AccessRequestNotFound.class)
			.isThrownBy(() -> this.data.requests().get(DAVE, request.id()));
		assertThat(this.data.requests().approve(ADMIN, request.id(), "platform admin").state())
			.isEqualTo(AccessRequestState.APPROVED);
	}

	@Test
	void exactlyOneOfTwoSimultaneousDecisionsWins() throws Exception {
		for (int round = 0; round < 5; round++) {
			Dataset dataset = dataset();
			this.data.catalog().addDataAdmin(ADMIN, dataset.id(), CAROL.asUser());
			AccessRequest request = this.data.requests()
				.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ_WRITE, "pipeline outputs"));
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService threads = Executors.newFixedThreadPool(2);
			try {
				List<Callable<AccessRequest>> decisions = List.of(() -> {
					start.await();
					return this.data.requests().approve(BOB, request.id(), "yes");
				}, () -> {
					start.await();
					return this.data.requests().reject(CAROL, request.id(), "no");
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
			AccessRequest decided = this.data.requests().get(ADMIN, request.id());
			List<String> decisions = actions(this.data.audit(), "access_request", request.id());
			assertThat(decisions).hasSize(2).startsWith("access_request.created");
			assertThat(this.data.grants().activeOn(ADMIN, dataset.id()))
				.hasSize((decided.state() == AccessRequestState.APPROVED) ? 1 : 0);
		}
	}

	@Test
	void aSecondPendingRequestForTheSameDatasetIsADuplicate() {
		Dataset dataset = dataset();
		this.data.requests().submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "first"));
		assertThatExceptionOfType(DuplicateAccessRequest.class).isThrownBy(
				() -> this.data.requests().submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "again")));
	}

	@Test
	void aDecidedRequestCannotBeDecidedAgain() {
		Dataset dataset = dataset();
		AccessRequest request = this.data.requests()
			.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		this.data.requests().reject(BOB, request.id(), "use the published statistics instead");
		assertThatExceptionOfType(RequestAlreadyDecided.class)
			.isThrownBy(() -> this.data.requests().approve(ADMIN, request.id(), "overrule"))
			.withMessageContaining("rejected");
		assertThatExceptionOfType(RequestAlreadyDecided.class)
			.isThrownBy(() -> this.data.requests().withdraw(ALICE, request.id(), "never mind"));
		assertThat(this.data.grants().activeOn(ADMIN, dataset.id())).isEmpty();
	}

	@Test
	void requestsNeedAJustificationAndValidPathsAndRejectionsAReason() {
		Dataset dataset = dataset();
		assertThatExceptionOfType(InvalidGrant.class).isThrownBy(
				() -> this.data.requests().submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, " ")));
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> this.data.requests()
			.submit(ALICE,
					NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.read("../b"))));
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> this.data.requests()
			.submit(ALICE,
					NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.read("/abs/"))));
		assertThatExceptionOfType(InvalidGrant.class).isThrownBy(() -> this.data.requests()
			.submit(ALICE,
					NewAccessRequest.of(dataset.id(), AccessLevel.READ, "x").withPaths(PathAccess.readWrite("a/"))));
		assertThatExceptionOfType(DatasetNotFound.class).isThrownBy(() -> this.data.requests()
			.submit(ALICE, NewAccessRequest.of(UUID.randomUUID(), AccessLevel.READ, "x")));
		AccessRequest request = this.data.requests()
			.submit(ALICE, NewAccessRequest.of(dataset.id(), AccessLevel.READ, "analysis"));
		assertThatExceptionOfType(InvalidGrant.class)
			.isThrownBy(() -> this.data.requests().reject(BOB, request.id(), ""));
		assertThat(this.data.requests().withdraw(ALICE, request.id(), "not needed").state())
			.isEqualTo(AccessRequestState.WITHDRAWN);
		assertThat(actions(this.data.audit(), "access_request", request.id())).containsExactly("access_request.created",
				"access_request.withdrawn");
	}

	@Test
	void withNothingToSendThemNoNotificationsAreQueued() throws SQLException {
		Dataset dataset = dataset();
		AccessRequest request = this.data.requests()
			.submit(analyst(), NewAccessRequest.of(dataset.id(), AccessLevel.READ, "quarterly statistics"));
		this.data.requests().approve(BOB, request.id(), "fine");
		assertThat(this.context.getBeanNamesForType(AccessNotifications.class)).isEmpty();
		try (Connection db = TestDatabases.superuser(this.database);
				var rows = db.createStatement().executeQuery("SELECT count(*) FROM access_notifications")) {
			rows.next();
			assertThat(rows.getInt(1)).isZero();
		}
	}

	private Dataset dataset() {
		return DataAccessFixture.prisonsDataset(this.data.groups(), this.data.catalog(), BOB);
	}

}

package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.reconcile.StatusRows;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceChanges;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * An instance's status as replicas write it, with no reconciler running here: what the
 * reconciler of another replica writes (through the same gateway, on a database
 * connection of its own) reaches those who follow the instance on this one as it commits,
 * places in the start queue included; and a switch of release or profile restarts the
 * start clock of a running instance but keeps a queued start's place.
 */
@SpringBootTest(properties = "platform.tools.reconciler.enabled=false")
@PlatformDatabase
class InstanceStatusIT {

	static final Duration PUSHED = Duration.ofSeconds(5);

	@Autowired
	ToolInstances instances;

	@Autowired
	ToolInstanceChanges changes;

	@Value("${spring.datasource.url}")
	String url;

	@Value("${spring.datasource.username}")
	String username;

	@Value("${spring.datasource.password}")
	String password;

	/** The gateway as another replica's reconciler has it. */
	private InstanceRows otherReplica;

	private TransactionTemplate otherTransactions;

	private final List<ToolInstanceChanges.Watch> watches = new ArrayList<>();

	private final List<UUID> created = new ArrayList<>();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().controlPlaneKubeconfig());
	}

	@BeforeEach
	void otherReplica() {
		DriverManagerDataSource other = new DriverManagerDataSource(this.url, this.username, this.password);
		JdbcClient jdbc = JdbcClient.create(other);
		Clock clock = Clock.systemUTC();
		this.otherReplica = new InstanceRows(jdbc, clock, new StatusRows<>(jdbc, clock, () -> {
		}, InstanceRows.TABLE, "id", UUID.class));
		this.otherTransactions = new TransactionTemplate(new DataSourceTransactionManager(other));
	}

	@AfterEach
	void deleteRows() {
		this.watches.forEach(ToolInstanceChanges.Watch::close);
		this.created.forEach(this.otherReplica::delete);
	}

	@Test
	void whatTheReconcilerOfAnotherReplicaWritesReachesTheFollowersHereAsItCommits() {
		ToolUser alice = user("alice");
		ToolInstance started = create(alice);
		Following seen = follow(alice, started.id());
		await().atMost(PUSHED).until(() -> seen.latest() != null);
		assertThat(seen.latest().phase()).as("the state when following began").isEqualTo(InstancePhase.PENDING);

		this.otherReplica.observe(started.id(), InstancePhase.STARTING, "Pulling image", null, null);

		await().atMost(PUSHED).until(() -> "Pulling image".equals(seen.latest().step()));
		assertThat(seen.latest().phase()).isEqualTo(InstancePhase.STARTING);
		this.otherReplica.observe(started.id(), InstancePhase.READY, null, null, "quay.io/jupyter/x@sha256:1");
		await().atMost(PUSHED).until(() -> seen.latest().phase() == InstancePhase.READY);
		assertThat(seen.states()).containsSubsequence(InstancePhase.PENDING, InstancePhase.STARTING,
				InstancePhase.READY);
	}

	@Test
	void aRunningInstancesFollowersAreToldAsItCommitsWhenItsOwnersRoleNoLongerMatchesItsPods() {
		ToolUser dave = user("dave");
		ToolInstance started = create(dave);
		this.otherReplica.observe(started.id(), InstancePhase.READY, null, null, "quay.io/jupyter/x@sha256:1", "");
		Following seen = follow(dave, started.id());
		await().atMost(PUSHED).until(() -> seen.latest() != null && seen.latest().phase() == InstancePhase.READY);
		assertThat(seen.latest().dataAccessChanged()).isFalse();

		this.otherReplica.recordRoles(started.id(), "arn:aws:iam::123456789012:role/dave", null);

		await().atMost(PUSHED).until(() -> seen.latest().dataAccessChanged());
		this.otherReplica.observe(started.id(), InstancePhase.READY, null, null, null,
				"arn:aws:iam::123456789012:role/dave");
		await().atMost(PUSHED).until(() -> !seen.latest().dataAccessChanged());
	}

	@Test
	void onlyWhatAStatusOrItsDataAccessNoticeShowsNotifiesTheReplicasNotTheGatesActivityWrites() throws SQLException {
		ToolUser erin = user("erin");
		ToolInstance started = create(erin);
		try (Connection listening = DriverManager.getConnection(this.url, this.username, this.password)) {
			listening.createStatement().execute("LISTEN " + InstanceWatches.CHANNEL);

			this.otherReplica.recordActivity(Map.of(started.id(), Instant.now()));
			this.otherReplica.recordRoles(started.id(), null, "");
			assertThat(notifications(listening)).as("activity and the pod template's role notify nobody").isEmpty();

			this.otherReplica.recordRoles(started.id(), "arn:aws:iam::123456789012:role/erin", null);
			assertThat(notifications(listening)).as("the owner's role").containsExactly(started.id().toString());
		}
	}

	/** The notifications delivered so far (a query's round trip brings those pending). */
	private static List<String> notifications(Connection listening) throws SQLException {
		listening.createStatement().execute("SELECT 1");
		PGNotification[] delivered = listening.unwrap(PGConnection.class).getNotifications();
		return (delivered != null) ? Arrays.stream(delivered).map(PGNotification::getParameter).toList() : List.of();
	}

	@Test
	void aQueuedStartsFollowersSeeItMoveUpWhenTheStartBeforeItIsAdmitted() {
		ToolUser first = user("first");
		ToolUser second = user("second");
		ToolInstance ahead = create(first);
		ToolInstance behind = create(second);
		this.otherReplica.observe(ahead.id(), InstancePhase.PENDING, "Queued", null, null);
		this.otherReplica.observe(behind.id(), InstancePhase.PENDING, "Queued", null, null);
		Following seen = follow(second, behind.id());
		await().atMost(PUSHED).until(() -> seen.latest() != null && seen.latest().queuePosition() == 2);

		Boolean admitted = this.otherTransactions.execute((tx) -> this.otherReplica.admit(ahead.id(), 1));

		assertThat(admitted).isTrue();
		await().atMost(PUSHED).until(() -> seen.latest().queuePosition() == 1);
	}

	@Test
	void aDeletedInstanceTellsItsFollowersItIsGone() {
		ToolUser carol = user("carol");
		ToolInstance started = create(carol);
		Following seen = follow(carol, started.id());
		await().atMost(PUSHED).until(() -> seen.latest() != null);

		this.otherReplica.delete(started.id());

		await().atMost(PUSHED).untilTrue(seen.gone);
	}

	@Test
	void anotherUsersInstanceCannotBeFollowed() {
		ToolUser owner = user("owner");
		ToolInstance theirs = create(owner);

		assertThatExceptionOfType(ToolInstanceNotFound.class)
			.isThrownBy(() -> this.changes.follow(user("other"), theirs.id(), new Following()));
	}

	@Test
	void aSwitchOfARunningInstanceRestartsItsStartClock() {
		ToolUser dave = user("dave");
		ToolInstance started = create(dave);
		this.otherReplica.observe(started.id(), InstancePhase.READY, null, null, null);
		ToolInstance ready = this.instances.get(dave, started.id());

		ToolInstance switched = this.instances.change(dave, started.id(), null, "medium");

		assertThat(switched.startRequestedAt()).as("its start time").isAfter(started.startRequestedAt());
		assertThat(switched.since()).isAfter(ready.since());
		assertThat(switched.phase()).isEqualTo(InstancePhase.PENDING);
		assertThat(switched.profile().name()).isEqualTo("medium");
	}

	@Test
	void aSwitchOfAStartWaitingInTheQueueKeepsItsPlace() {
		ToolUser erin = user("erin");
		ToolUser frank = user("frank");
		ToolInstance first = create(erin);
		ToolInstance second = create(frank);
		this.otherReplica.observe(first.id(), InstancePhase.PENDING, "Queued", null, null);
		this.otherReplica.observe(second.id(), InstancePhase.PENDING, "Queued", null, null);

		ToolInstance switched = this.instances.change(erin, first.id(), null, "medium");

		assertThat(switched.startRequestedAt()).isEqualTo(first.startRequestedAt());
		assertThat(switched.queuePosition()).isEqualTo(1);
		assertThat(this.instances.get(frank, second.id()).queuePosition()).isEqualTo(2);
	}

	@Test
	void aSwitchOfAStoppedInstanceLeavesItStopped() {
		ToolUser gail = user("gail");
		ToolInstance started = create(gail);
		this.instances.stop(gail, started.id());

		ToolInstance switched = this.instances.change(gail, started.id(), null, "medium");

		assertThat(switched.wanted()).isEqualTo(ToolInstance.Wanted.STOPPED);
		assertThat(switched.startRequestedAt()).isEqualTo(started.startRequestedAt());
	}

	private ToolInstance create(ToolUser user) {
		ToolInstance instance = this.instances.create(user, Tool.JUPYTERLAB, null, null);
		this.created.add(instance.id());
		return instance;
	}

	private Following follow(ToolUser user, UUID id) {
		Following following = new Following();
		this.watches.add(this.changes.follow(user, id, following));
		return following;
	}

	private static ToolUser user(String name) {
		return new ToolUser(UUID.randomUUID(), name + "-" + UUID.randomUUID().toString().substring(0, 6), Set.of(),
				false);
	}

	/** Records what a follower is told. */
	static final class Following implements ToolInstanceChanges.Watcher {

		final List<ToolInstance> seen = new CopyOnWriteArrayList<>();

		final AtomicBoolean gone = new AtomicBoolean();

		@Override
		public void changed(ToolInstance instance) {
			this.seen.add(instance);
		}

		@Override
		public void gone() {
			this.gone.set(true);
		}

		ToolInstance latest() {
			return this.seen.isEmpty() ? null : this.seen.get(this.seen.size() - 1);
		}

		List<InstancePhase> states() {
			return this.seen.stream().map(ToolInstance::phase).toList();
		}

	}

}

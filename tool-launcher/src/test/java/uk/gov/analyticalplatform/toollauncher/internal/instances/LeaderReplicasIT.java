package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.LimitRange;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.ResolvableType;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolLauncherTestApplication;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two application instances (replicas) of the tool launcher on one database and the real
 * local cluster, as a Deployment of two runs them: only the one that holds the leadership
 * lock reconciles, never both; and when the leader goes while starts are under way (its
 * loops interrupted mid-apply, its lock released with its session), the other takes over
 * and every start still ends READY, within the start limit.
 */
class LeaderReplicasIT {

	static final int USERS = 12;

	static final int LIMIT = 4;

	private final List<ConfigurableApplicationContext> replicas = new ArrayList<>();

	private final List<ToolUser> users = new ArrayList<>();

	private String database;

	@AfterEach
	void deleteInstancesAndStop() throws Exception {
		ConfigurableApplicationContext survivor = this.replicas.stream()
			.filter(ConfigurableApplicationContext::isActive)
			.findFirst()
			.orElse(null);
		if (survivor != null) {
			ToolInstances instances = survivor.getBean(ToolInstances.class);
			for (ToolUser user : this.users) {
				instances.mine(user).forEach((instance) -> instances.delete(user, instance.id(), true));
			}
			await().atMost(Duration.ofMinutes(3))
				.until(() -> this.users.stream().allMatch((user) -> instances.mine(user).isEmpty()));
		}
		this.replicas.forEach(ConfigurableApplicationContext::close);
		try (Connection connection = TestDatabases.superuser("postgres")) {
			connection.createStatement().execute("DROP DATABASE IF EXISTS " + this.database + " WITH (FORCE)");
		}
	}

	@Test
	void onlyTheLeaderReconcilesAndWhenItGoesMidStartTheOtherFinishesEveryStart() throws Exception {
		this.database = TestDatabases.create("leader_replicas");
		ConfigurableApplicationContext first = start();
		await().atMost(Duration.ofSeconds(30)).until(() -> leads(first));
		ConfigurableApplicationContext second = start();
		AtomicInteger bothLed = new AtomicInteger();
		ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor();
		watch.scheduleAtFixedRate(() -> {
			try {
				if (leads(first) && leads(second)) {
					bothLed.incrementAndGet();
				}
			}
			catch (RuntimeException closed) {
				// the first replica has gone: nothing to compare any more
			}
		}, 0, 10, TimeUnit.MILLISECONDS);
		try {
			ToolsOnTheCluster.tinyProfile(second.getBean(JdbcClient.class));
			ToolInstances instances = second.getBean(ToolInstances.class);
			for (int i = 0; i < USERS; i++) {
				ToolUser user = new ToolUser(UUID.randomUUID(), "replica-" + i + "-" + suffix(), Set.of(), false);
				this.users.add(user);
				instances.create(user, Tool.JUPYTERLAB, null, "tiny");
			}
			await().atMost(Duration.ofSeconds(60)).until(() -> count(second, "phase = 'READY'") > 0);
			assertThat(count(second, "phase <> 'READY'")).as("starts still under way").isPositive();
			assertThat(loop(second).reconciled()).as("the replica that does not lead").isZero();
			assertThat(loop(first).reconciled()).isPositive();

			first.close();

			await().atMost(Duration.ofSeconds(30)).until(() -> leads(second));
			await().atMost(Duration.ofMinutes(3)).until(() -> count(second, "phase = 'READY'") == USERS);
			assertThat(loop(second).reconciled()).isPositive();
			await().atMost(Duration.ofSeconds(30)).until(() -> count(second, "admitted_at IS NOT NULL") == 0);
			assertThat(bothLed).as("samples where both replicas led").hasValue(0);
		}
		finally {
			watch.shutdownNow();
		}
	}

	@Test
	void aReplicaThatLeadsAgainAppliesAUsersObjectsAfreshWhateverItAppliedBefore() throws Exception {
		this.database = TestDatabases.create("leader_terms");
		// no resync during the test: only applying the user's objects restores them
		ConfigurableApplicationContext first = start("--platform.tools.reconciler.resync-interval=1h");
		await().atMost(Duration.ofSeconds(30)).until(() -> leads(first));
		ConfigurableApplicationContext second = start("--platform.tools.reconciler.resync-interval=1h");
		ToolsOnTheCluster.tinyProfile(first.getBean(JdbcClient.class));
		ToolInstances instances = first.getBean(ToolInstances.class);
		ToolUser user = new ToolUser(UUID.randomUUID(), "terms-" + suffix(), Set.of(), false);
		this.users.add(user);
		instances.create(user, Tool.JUPYTERLAB, null, "tiny");
		await().atMost(Duration.ofSeconds(60)).until(() -> count(first, "phase = 'READY'") == 1);
		KubernetesObjects objects = first.getBean(KubernetesObjects.class);
		String namespace = "user-" + user.username();
		assertThat(objects.get(LimitRange.class, namespace, "tools")).isPresent();

		// the leadership moves to the other replica; meanwhile the user's objects change
		// (as another version of the control plane might have applied them)
		lifecycle(first).stop();
		await().atMost(Duration.ofSeconds(30)).until(() -> leads(second));
		objects.converge(Owner.of(ToolManifests.USER_LABEL, user.userId().toString()), List.of(),
				List.of(LimitRange.class));
		assertThat(objects.get(LimitRange.class, namespace, "tools")).isEmpty();
		lifecycle(second).stop();
		lifecycle(first).start();
		await().atMost(Duration.ofSeconds(30)).until(() -> leads(first));

		// the first replica leads again: the user's next start applies their objects
		// again rather than trusting what it applied in its earlier term
		instances.create(user, Tool.RSTUDIO, null, "tiny");
		await().atMost(Duration.ofSeconds(60))
			.until(() -> objects.get(LimitRange.class, namespace, "tools").isPresent());
	}

	private static SmartLifecycle lifecycle(ConfigurableApplicationContext replica) {
		return (SmartLifecycle) replica.getBean(Leadership.class);
	}

	private ConfigurableApplicationContext start(String... settings) {
		// as command line arguments: they win over the tests' application.yaml, as a
		// replica's environment does
		List<String> arguments = new ArrayList<>(
				List.of("--spring.datasource.url=" + PlatformServices.get().jdbcUrl(this.database),
						"--spring.datasource.username=" + TestDatabases.APP_ROLE,
						"--spring.datasource.password=" + TestDatabases.APP_ROLE,
						"--spring.flyway.user=" + TestDatabases.OWNER_ROLE,
						"--spring.flyway.password=" + TestDatabases.OWNER_ROLE,
						"--platform.kubernetes.kubeconfig=" + PlatformServices.get().controlPlaneKubeconfig(),
						"--platform.tools.start-limit=" + LIMIT));
		arguments.addAll(List.of(settings));
		ConfigurableApplicationContext replica = new SpringApplicationBuilder(ToolLauncherTestApplication.class)
			.run(arguments.toArray(String[]::new));
		this.replicas.add(replica);
		return replica;
	}

	private static boolean leads(ConfigurableApplicationContext replica) {
		return replica.isActive() && replica.getBean(Leadership.class).isLeader();
	}

	@SuppressWarnings("unchecked")
	private static ReconcileLoop<UUID> loop(ConfigurableApplicationContext replica) {
		return (ReconcileLoop<UUID>) replica
			.getBeanProvider(ResolvableType.forClassWithGenerics(ReconcileLoop.class, UUID.class))
			.getObject();
	}

	private static int count(ConfigurableApplicationContext replica, String condition) {
		return replica.getBean(JdbcClient.class)
			.sql("SELECT count(*) FROM tool_instances WHERE " + condition)
			.query(Integer.class)
			.single();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 6);
	}

}

package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;
import uk.gov.analyticalplatform.toollauncher.internal.manifests.ToolManifests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hundred users start JupyterLab at once against the real local cluster: every one ends
 * READY, with exactly one Deployment each, and never more starts in progress than the
 * start limit; the rest wait in the queue.
 */
@SpringBootTest
@PlatformDatabase
@Disabled("Not yet passing: on this machine 72 of 100 reached READY within 3 minutes; the reconcile loop "
		+ "applies one instance at a time (about 30 API calls each). See the issue notes.")
@TestPropertySource(properties = "platform.tools.start-limit=" + ManyUsersStartingIT.LIMIT)
class ManyUsersStartingIT {

	static final int USERS = 100;

	static final int LIMIT = 10;

	@Autowired
	ToolInstances instances;

	@Autowired
	KubernetesObjects objects;

	@Autowired
	JdbcClient jdbc;

	final List<ToolUser> users = new ArrayList<>();

	@DynamicPropertySource
	static void cluster(DynamicPropertyRegistry registry) {
		registry.add("platform.kubernetes.kubeconfig", () -> PlatformServices.get().kubeconfig());
	}

	@AfterEach
	void deleteInstancesAndHomes() {
		for (ToolUser user : this.users) {
			this.instances.mine(user).forEach((instance) -> this.instances.delete(user, instance.id(), true));
		}
		// the reconciler deletes the objects (namespaces included) before the rows go
		await().atMost(Duration.ofMinutes(3))
			.until(() -> this.users.stream().allMatch((user) -> this.instances.mine(user).isEmpty()));
	}

	@Test
	void aHundredUsersStartingAtOnceAllEndReadyWithinTheStartLimitAndWithoutDuplicates() throws Exception {
		for (int i = 0; i < USERS; i++) {
			this.users.add(new ToolUser(UUID.randomUUID(),
					"many-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), Set.of(), false));
		}
		// small enough that a hundred fit the local cluster's one node beside other
		// tests' pods
		this.jdbc
			.sql("INSERT INTO tool_profiles (name, display_name, cpu_request_milli, cpu_limit_milli, "
					+ "memory_request_mib, memory_limit_mib, idle_timeout_s, created_at, updated_at) VALUES ('tiny', "
					+ "'Tiny', 10, 100, 32, 64, 3600, now(), now()) ON CONFLICT DO NOTHING")
			.update();
		AtomicInteger mostStarting = new AtomicInteger();
		ScheduledExecutorService limitWatch = Executors.newSingleThreadScheduledExecutor();
		limitWatch.scheduleAtFixedRate(() -> mostStarting
			.accumulateAndGet(this.jdbc.sql("SELECT count(*) FROM tool_instances WHERE admitted_at IS NOT NULL")
				.query(Integer.class)
				.single(), Math::max), 0, 20, TimeUnit.MILLISECONDS);
		long began = System.nanoTime();
		List<UUID> ids = startAll();

		await().atMost(Duration.ofMinutes(3))
			.pollInterval(Duration.ofMillis(250))
			.conditionEvaluationListener((condition) -> {
				if (condition.getRemainingTimeInMS() < 300) {
					System.out.println("phases: " + phases());
				}
			})
			.until(() -> ready(ids) == USERS);
		long allReady = System.nanoTime() - began;
		limitWatch.shutdown();
		limitWatch.awaitTermination(10, TimeUnit.SECONDS);

		assertThat(mostStarting.get()).isPositive().isLessThanOrEqualTo(LIMIT);
		for (UUID id : ids) {
			assertThat(this.objects.owned(Deployment.class, Owner.of(ToolManifests.INSTANCE_LABEL, id.toString())))
				.hasSize(1);
		}
		System.out.printf("%d users: all READY after %d ms, at most %d starts at once (limit %d)%n", USERS,
				allReady / 1_000_000, mostStarting.get(), LIMIT);
	}

	private List<UUID> startAll() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Future<ToolInstance>> started = new ArrayList<>();
			for (ToolUser user : this.users) {
				started.add(pool.submit(() -> this.instances.create(user, Tool.JUPYTERLAB, null, "tiny")));
			}
			List<UUID> ids = new ArrayList<>();
			for (Future<ToolInstance> instance : started) {
				ids.add(instance.get().id());
			}
			return ids;
		}
		finally {
			pool.shutdown();
		}
	}

	private List<String> phases() {
		return this.jdbc.sql("SELECT s || ': ' || count(*) FROM (SELECT phase || '/' || COALESCE(step, '-') || '/' "
				+ "|| (admitted_at IS NOT NULL) || '/' || COALESCE(phase_reason, '-') AS s FROM tool_instances) AS t GROUP BY s ORDER BY s")
			.query(String.class)
			.list();
	}

	private int ready(List<UUID> ids) {
		return this.jdbc.sql("SELECT count(*) FROM tool_instances WHERE phase = 'READY' AND id IN (:ids)")
			.param("ids", ids)
			.query(Integer.class)
			.single();
	}

}

package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.Test;

import org.springframework.test.context.TestPropertySource;

import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hundred users start JupyterLab at once against the real local cluster: every one ends
 * READY, with exactly one Deployment each, never more starts in progress than the start
 * limit, and never a start admitted while one asked for earlier still waits.
 */
@TestPropertySource(properties = "platform.tools.start-limit=" + ManyUsersStartingIT.LIMIT)
class ManyUsersStartingIT extends ToolsOnTheCluster {

	static final int USERS = 100;

	static final int LIMIT = 10;

	/**
	 * Starts refused a slot (queued) that lost their place: every slot taken, one of them
	 * by a start asked for later and admitted after the refusal was seen, while the
	 * refused one still waits. Starts within the free slots may be admitted in whichever
	 * order the workers reach them; a refused one keeps its place for the next slot.
	 */
	final Map<UUID, Instant> refusedSince = new ConcurrentHashMap<>();

	final Set<UUID> overtaken = ConcurrentHashMap.newKeySet();

	@Test
	void aHundredUsersStartingAtOnceAllEndReadyInOrderWithinTheStartLimitAndWithoutDuplicates() throws Exception {
		for (int i = 0; i < USERS; i++) {
			user("many-" + i);
		}
		tinyProfile(this.jdbc);
		AtomicInteger mostStarting = new AtomicInteger();
		ScheduledExecutorService limitWatch = Executors.newSingleThreadScheduledExecutor();
		limitWatch.scheduleAtFixedRate(() -> {
			mostStarting.accumulateAndGet(count("SELECT count(*) FROM tool_instances WHERE admitted_at IS NOT NULL"),
					Math::max);
			lookForOvertakenStarts();
		}, 0, 20, TimeUnit.MILLISECONDS);
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
		System.out.printf("%d users: all READY after %d ms, at most %d starts at once (limit %d)%n", USERS,
				allReady / 1_000_000, mostStarting.get(), LIMIT);

		assertThat(mostStarting.get()).isPositive().isLessThanOrEqualTo(LIMIT);
		assertThat(this.overtaken).as("queued starts overtaken by later ones").isEmpty();
		for (UUID id : ids) {
			assertThat(owned(id, List.of(Deployment.class))).hasSize(1);
		}
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

	private void lookForOvertakenStarts() {
		List<Object[]> rows = this.jdbc
			.sql("SELECT id, start_requested_at, admitted_at FROM tool_instances WHERE desired = 'RUNNING' "
					+ "AND (admitted_at IS NOT NULL OR (phase = 'PENDING' AND step = 'Queued'))")
			.query((row,
					n) -> new Object[] { row.getObject(1, UUID.class), row.getTimestamp(2).toInstant(),
							(row.getTimestamp(3) != null) ? row.getTimestamp(3).toInstant() : null })
			.list();
		Instant now = Instant.now();
		boolean full = rows.stream().filter((row) -> row[2] != null).count() >= LIMIT;
		for (Object[] waiting : rows) {
			if (waiting[2] != null) {
				continue;
			}
			Instant since = this.refusedSince.computeIfAbsent((UUID) waiting[0], (id) -> now);
			for (Object[] admitted : rows) {
				if (full && admitted[2] != null && ((Instant) admitted[2]).isAfter(since)
						&& ((Instant) admitted[1]).isAfter((Instant) waiting[1])) {
					this.overtaken.add((UUID) waiting[0]);
				}
			}
		}
	}

	private int count(String sql) {
		return this.jdbc.sql(sql).query(Integer.class).single();
	}

	private List<String> phases() {
		return this.jdbc.sql("SELECT s || ': ' || count(*) FROM (SELECT phase || '/' || COALESCE(step, '-') || '/' "
				+ "|| (admitted_at IS NOT NULL) || '/' || COALESCE(phase_reason, '-') AS s FROM tool_instances) AS t "
				+ "GROUP BY s ORDER BY s")
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

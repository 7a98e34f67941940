package uk.gov.analyticalplatform.bench.tools;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.sql.Connection;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;

import com.sun.management.OperatingSystemMXBean;
import jdk.jfr.Configuration;
import jdk.jfr.Recording;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.kubernetes.Owner;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.testing.ClusterNamespaces;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * Many users start JupyterLab at once against the real local cluster
 * ({@code scripts/bench.sh tools-start}): the tool launcher (its reconciler on the
 * kernel's workers, its pod watch) runs in this JVM on a database of its own, and the
 * benchmark measures, from the first start request, the control plane's time until every
 * instance's objects were applied (every instance's status applied once: the queued ones
 * with no replica yet) and until every instance is READY. Then it deletes them all, homes
 * and namespaces included, and waits until they are gone.
 * <p>
 * The control plane is measured warm, as it runs: a production replica has been up for
 * days when 200 analysts start their tools at nine on a Monday. So warm-up rounds of
 * other users first start, wait for and delete the same number of tools, unmeasured
 * (cold, the JVM's just-in-time compiler took most of the benchmark process's CPU during
 * the measured seconds, on a machine whose two cores the API server also needs; after one
 * round it still compiled for 6 of the 6.6 CPU seconds, after two for 1.1 of 3.0). The
 * measured run prints the process's CPU time meanwhile and how much of it the compiler's
 * and the garbage collector's threads took, so a reader sees how warm it was, and the
 * window's wall-clock bounds, to cut a recording or a profile to it.
 * {@code -Dbench.warmup=0} measures a cold start instead.
 * <p>
 * System properties: {@code -Dbench.users=200}, {@code -Dbench.warmup=200} (users of a
 * warm-up round), {@code -Dbench.warmupRounds=3}, {@code -Dbench.startLimit=20} (the
 * chart's default), {@code -Dbench.workers=8} ({@code platform.reconcile.workers}),
 * {@code -Dbench.jfr=/tmp/tools-start.jfr} (a JDK Flight Recording, profile settings,
 * from before the warm-up to the end of the measured run).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class ToolsStartBenchmark {

	private static final Duration LIMIT = Duration.ofMinutes(10);

	public static void main(String[] ignored) throws Exception {
		int users = Integer.getInteger("bench.users", 200);
		int warmup = Integer.getInteger("bench.warmup", users);
		int rounds = Integer.getInteger("bench.warmupRounds", 3);
		int startLimit = Integer.getInteger("bench.startLimit", 20);
		int workers = Integer.getInteger("bench.workers", 8);
		String database = TestDatabases.create("bench_tools_start");
		Map<String, Object> settings = new HashMap<>();
		settings.put("spring.datasource.url", PlatformServices.get().jdbcUrl(database));
		settings.put("spring.datasource.username", TestDatabases.APP_ROLE);
		settings.put("spring.datasource.password", TestDatabases.APP_ROLE);
		settings.put("spring.datasource.hikari.maximum-pool-size", 30);
		settings.put("logging.level.uk.gov.analyticalplatform", "info");
		settings.put("spring.flyway.user", TestDatabases.OWNER_ROLE);
		settings.put("spring.flyway.password", TestDatabases.OWNER_ROLE);
		settings.put("spring.flyway.locations", "classpath:db/migration/audit,classpath:db/migration/toollauncher");
		settings.put("spring.flyway.placeholders.app_role", TestDatabases.APP_ROLE);
		// tools without IAM roles: data access (AWS) stays off (application.yaml), as in
		// the
		// tool launcher's tests
		settings.put("platform.kubernetes.kubeconfig", PlatformServices.get().kubeconfig());
		settings.put("platform.tools.domain", "tools.bench");
		settings.put("platform.tools.start-limit", startLimit);
		settings.put("platform.reconcile.workers", workers);
		// as command line arguments: they win over the bench module's application.yaml
		String[] arguments = settings.entrySet()
			.stream()
			.map((setting) -> "--" + setting.getKey() + "=" + setting.getValue())
			.toArray(String[]::new);
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ToolsStartBenchmark.class)
			.run(arguments); Recording recording = recording()) {
			for (int round = 1; round <= rounds && warmup > 0; round++) {
				System.out.printf("tools-start: warm-up %d of %d, %d other users start and delete JupyterLab%n", round,
						rounds, warmup);
				new Run(context, warmup).measure(startLimit, workers, false);
				awaitNamespacesGone();
			}
			new Run(context, users).measure(startLimit, workers, true);
			if (recording != null) {
				recording.stop();
			}
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	/**
	 * A recording from before the warm-up to the end of the measured run: started just
	 * before the measured run, the recording's instrumentation made the JIT compiler
	 * recompile for most of it (33 CPU seconds instead of 6).
	 */
	private static Recording recording() throws IOException, ParseException {
		String file = System.getProperty("bench.jfr");
		if (file == null) {
			return null;
		}
		Recording recording = new Recording(Configuration.getConfiguration("profile"));
		recording.setDestination(Path.of(file));
		recording.start();
		return recording;
	}

	/**
	 * Waits until the cluster has finished deleting the warm-up's namespaces: their rows
	 * go once the deletes were asked for, while the namespace controller goes on deleting
	 * what each held, which would load the API server during the measured run.
	 */
	private static void awaitNamespacesGone() {
		long began = System.nanoTime();
		Awaitility.await("the warm-up's namespaces deleted")
			.atMost(LIMIT)
			.pollInterval(Duration.ofSeconds(1))
			.until(() -> ClusterNamespaces.terminating(Owner.MANAGED_BY, Owner.PLATFORM) == 0);
		System.out.printf("warm-up: namespaces gone: %.1f s%n", (System.nanoTime() - began) / 1e9);
	}

	private static final class Run {

		private final ToolInstances instances;

		private final JdbcClient jdbc;

		private final List<ToolUser> users = new ArrayList<>();

		private final List<ReconcileLoop> loops;

		Run(ConfigurableApplicationContext context, int users) {
			this.instances = context.getBean(ToolInstances.class);
			this.jdbc = context.getBean(JdbcClient.class);
			this.loops = context.getBeanProvider(ReconcileLoop.class).stream().toList();
			String run = UUID.randomUUID().toString().substring(0, 6);
			for (int i = 0; i < users; i++) {
				this.users.add(new ToolUser(UUID.randomUUID(), "bench-" + run + "-" + i, Set.of(), false));
			}
		}

		void measure(int startLimit, int workers, boolean measured) throws Exception {
			tinyProfile();
			String label = measured ? "tools-start" : "warm-up";
			if (measured) {
				System.out.printf("tools-start: %d users start JupyterLab at once (start limit %d, %d workers)%n",
						this.users.size(), startLimit, workers);
			}
			Map<String, Long> threads = ThreadsCpu.read();
			long reconciled = reconciled();
			long failed = failed();
			long cpu = processCpuNanos();
			try {
				long began = System.nanoTime();
				Instant from = Instant.now();
				startAll();
				long requested = System.nanoTime() - began;
				System.out.printf("%s: start requests answered: %d ms%n", label, requested / 1_000_000);
				long applied = waitUntil("every instance's objects applied",
						() -> count("applied_at IS NOT NULL") == this.users.size(), began);
				// printed as soon as it is reached: scripts can sample the processes' CPU
				// until this line
				System.out.printf("%s: every instance's objects applied: %.1f s (goal < 10 s)%n", label, applied / 1e9);
				Map<String, Long> spent = ThreadsCpu.since(threads);
				System.out.printf(
						"%s: this process meanwhile: %.1f s of CPU, of which the JIT compiler's threads %.1f s "
								+ "and the garbage collector's %.1f s (window %s to %s)%n",
						label, (processCpuNanos() - cpu) / 1e9, spent.getOrDefault(ThreadsCpu.COMPILER, 0L) / 1e9,
						spent.getOrDefault(ThreadsCpu.GC, 0L) / 1e9, from, Instant.now());
				System.out.printf("%s: reconciles meanwhile %d, of which failed %d; applied after (from the first "
						+ "row): %s%n", label, reconciled() - reconciled, failed() - failed, appliedSpread());
				long ready = waitUntil("every instance READY", () -> count("phase = 'READY'") == this.users.size(),
						began);
				System.out.printf("%s: every instance READY: %.1f s (goal < 60 s)%n", label, ready / 1e9);
			}
			finally {
				deleteAll(label);
			}
		}

		private long reconciled() {
			return this.loops.stream().mapToLong(ReconcileLoop::reconciled).sum();
		}

		private long failed() {
			return this.loops.stream().mapToLong(ReconcileLoop::failures).sum();
		}

		/**
		 * When the instances were applied, from the first one's creation: a tail shows.
		 */
		private String appliedSpread() {
			return this.jdbc.sql("SELECT string_agg(q || ' ' || round(s::numeric, 1) || ' s', ', ') FROM ("
					+ "SELECT unnest(ARRAY['p50', 'p90', 'p99', 'max']) AS q, unnest(percentile_cont(ARRAY[0.5, 0.9, "
					+ "0.99, 1.0]) WITHIN GROUP (ORDER BY extract(epoch FROM applied_at - first.at))) AS s "
					+ "FROM tool_instances, (SELECT min(created_at) AS at FROM tool_instances) first) spread")
				.query(String.class)
				.single();
		}

		private static long processCpuNanos() {
			return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
		}

		private void startAll() throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(16);
			try {
				List<Future<ToolInstance>> started = new ArrayList<>();
				for (ToolUser user : this.users) {
					started.add(pool.submit(() -> this.instances.create(user, Tool.JUPYTERLAB, null, "tiny")));
				}
				for (Future<ToolInstance> instance : started) {
					instance.get();
				}
			}
			finally {
				pool.shutdown();
			}
		}

		private long waitUntil(String what, BooleanSupplier done, long began) throws InterruptedException {
			try {
				Awaitility.await(what)
					.atMost(LIMIT)
					.pollDelay(Duration.ZERO)
					.pollInterval(Duration.ofMillis(100))
					.until(done::getAsBoolean);
			}
			catch (ConditionTimeoutException ex) {
				throw new IllegalStateException("Not " + what + " within " + LIMIT + ": " + phases(), ex);
			}
			return System.nanoTime() - began;
		}

		private void deleteAll(String label) throws InterruptedException {
			long began = System.nanoTime();
			for (ToolUser user : this.users) {
				this.instances.mine(user).forEach((instance) -> this.instances.delete(user, instance.id(), true));
			}
			waitUntil("every instance deleted", () -> count("true") == 0, began);
			System.out.printf("%s: every instance deleted (namespaces included): %.1f s%n", label,
					(System.nanoTime() - began) / 1e9);
		}

		private int count(String condition) {
			return this.jdbc.sql("SELECT count(*) FROM tool_instances WHERE " + condition)
				.query(Integer.class)
				.single();
		}

		private List<String> phases() {
			return this.jdbc
				.sql("SELECT phase || '/' || COALESCE(step, '-') || ': ' || count(*) FROM tool_instances "
						+ "GROUP BY phase, step ORDER BY 1")
				.query(String.class)
				.list();
		}

		private void tinyProfile() {
			this.jdbc.sql("INSERT INTO tool_profiles (name, display_name, cpu_request_milli, cpu_limit_milli, "
					+ "memory_request_mib, memory_limit_mib, idle_timeout_s, created_at, updated_at) VALUES ('tiny', "
					+ "'Tiny', 10, 100, 32, 64, 3600, now(), now()) ON CONFLICT DO NOTHING")
				.update();
		}

	}

}

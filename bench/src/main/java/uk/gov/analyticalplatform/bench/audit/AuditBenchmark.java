package uk.gov.analyticalplatform.bench.audit;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import uk.gov.analyticalplatform.audit.Actor;
import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.audit.VerifyReport;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * Load generator for the audit log on the real PostgreSQL, in one run: appends with 1 and
 * 8 writers against a plain single-row INSERT into an equivalent table, then verification
 * of 100,000 and 1,000,000 events with the peak heap sampled. Every loop is bounded in
 * time. Run with {@code scripts/bench.sh audit}.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class AuditBenchmark {

	private static final String PLAIN_INSERT = """
			INSERT INTO bench_plain_event (occurred_at, actor_user_id, actor_username, actor_ip, actor_user_agent,
			                               request_id, action, target_type, target_id, details)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb)""";

	private static final String BULK = """
			INSERT INTO audit_event (occurred_at, actor_user_id, actor_username, action, target_type, target_id, details)
			SELECT now(), 'u-' || (g % 1000), 'user' || (g % 1000), 'grant.created', 'grant', 'g-' || g,
			       jsonb_build_object('level', 'READ', 'n', g)
			FROM generate_series(1, ?) g""";

	public static void main(String[] args) throws Exception {
		Duration phase = Duration.ofSeconds(Long.getLong("bench.seconds", 5));
		String database = TestDatabases.create("bench_audit");
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AuditBenchmark.class)
			.properties(Map.of("spring.datasource.url", PlatformServices.get().jdbcUrl(database),
					"spring.datasource.username", TestDatabases.APP_ROLE, "spring.datasource.password",
					TestDatabases.APP_ROLE, "spring.flyway.user", TestDatabases.OWNER_ROLE, "spring.flyway.password",
					TestDatabases.OWNER_ROLE))
			.run(args)) {
			new Run(context, phase).all();
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static final class Run {

		private final JdbcTemplate jdbc;

		private final TransactionTemplate transactions;

		private final AuditLog auditLog;

		private final AuditEvents auditEvents;

		private final Duration phase;

		Run(ConfigurableApplicationContext context, Duration phase) {
			this.jdbc = context.getBean(JdbcTemplate.class);
			this.transactions = context.getBean(TransactionTemplate.class);
			this.auditLog = context.getBean(AuditLog.class);
			this.auditEvents = context.getBean(AuditEvents.class);
			this.phase = phase;
		}

		/**
		 * Plain and audited phases alternate, round after round, so that whatever else
		 * the machine is doing weighs on both alike; the ratio of each round is reported
		 * and its median.
		 */
		void all() throws Exception {
			int rounds = Integer.getInteger("bench.rounds", 3);
			System.out.printf("audit append benchmark: %d rounds of %d s phases, after a 4 s warm-up%n", rounds,
					this.phase.toSeconds());
			measure("warm-up", 4, this::plainInsert, Duration.ofSeconds(2));
			measure("warm-up", 4, this::auditAppend, Duration.ofSeconds(2));
			List<Double> ratios1 = new ArrayList<>();
			List<Double> ratios8 = new ArrayList<>();
			for (int round = 1; round <= rounds; round++) {
				double plain1 = measure("plain INSERT, autocommit", 1, this::plainInsert, this.phase);
				double audit1 = measure("AuditLog.record in a transaction", 1, this::auditAppend, this.phase);
				double plain8 = measure("plain INSERT, autocommit", 8, this::plainInsert, this.phase);
				double audit8 = measure("AuditLog.record in a transaction", 8, this::auditAppend, this.phase);
				ratios1.add(audit1 / plain1);
				ratios8.add(audit8 / plain8);
				System.out.printf("round %d: audit/plain 1 writer %.0f%%, 8 writers %.0f%%%n", round,
						100 * audit1 / plain1, 100 * audit8 / plain8);
			}
			System.out.printf("median audit/plain: 1 writer %.0f%%, 8 writers %.0f%%%n", 100 * median(ratios1),
					100 * median(ratios8));
			verify(100_000, "warm-up");
			verify(100_000, "");
			verify(1_000_000, "");
		}

		private static double median(List<Double> values) {
			List<Double> sorted = values.stream().sorted().toList();
			int middle = sorted.size() / 2;
			return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
		}

		private void plainInsert(long n) {
			this.jdbc.update(PLAIN_INSERT, Timestamp.from(Instant.now()), "u-" + (n % 1000), "user" + (n % 1000),
					"127.0.0.1", "bench/1", "req-" + n, "grant.created", "grant", "g-" + n,
					"{\"level\": \"READ\", \"n\": " + n + "}");
		}

		private void auditAppend(long n) {
			this.transactions.executeWithoutResult((status) -> this.auditLog.record(AuditEvent
				.of(Actor.user("u-" + (n % 1000), "user" + (n % 1000)), "grant.created", "grant", "g-" + n)
				.with("level", "READ")
				.with("n", n)));
		}

		private double measure(String name, int writers, Operation operation, Duration duration) throws Exception {
			ExecutorService pool = Executors.newFixedThreadPool(writers);
			AtomicLong sequence = new AtomicLong();
			long end = System.nanoTime() + duration.toNanos();
			List<Future<Long>> done = new ArrayList<>();
			long start = System.nanoTime();
			for (int i = 0; i < writers; i++) {
				done.add(pool.submit(() -> {
					long count = 0;
					while (System.nanoTime() < end) {
						operation.run(sequence.incrementAndGet());
						count++;
					}
					return count;
				}));
			}
			long total = 0;
			for (Future<Long> writer : done) {
				total += writer.get();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			pool.shutdown();
			double rate = total / seconds;
			if (!name.equals("warm-up")) {
				System.out.printf("| %-34s | %d writer(s) | %,9.0f /s |%n", name, writers, rate);
			}
			return rate;
		}

		private void verify(int target, String label) {
			long existing = this.jdbc.queryForObject("SELECT count(*) FROM audit_event", Long.class);
			if (existing < target) {
				this.jdbc.update(BULK, target - existing);
			}
			long linkStart = System.nanoTime();
			this.auditEvents.checkpoint();
			double linkSeconds = (System.nanoTime() - linkStart) / 1e9;
			HeapSampler heap = HeapSampler.start();
			long start = System.nanoTime();
			VerifyReport report = this.auditEvents.verify(Actor.system("bench"));
			double seconds = (System.nanoTime() - start) / 1e9;
			long peak = heap.stop();
			System.out.printf(
					"verify %,d events: %s in %.2f s = %,.0f events/s; peak heap used %d MiB "
							+ "(linking the bulk-loaded events took %.1f s)%n",
					report.eventCount(), report.status(), seconds, report.eventCount() / seconds, peak / (1024 * 1024),
					linkSeconds);
		}

	}

	@FunctionalInterface
	private interface Operation {

		void run(long n);

	}

}

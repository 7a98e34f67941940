package uk.gov.analyticalplatform.bench.dataaccess;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import uk.gov.analyticalplatform.bench.app.PlatformApp;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * {@code GET /api/v1/me/datasets} under an open-loop load of 200 requests a second on
 * loopback, against the application jar started here on a database of its own, seeded
 * with the data access population (10,000 users, 2,000 datasets, 100,000 grants) and a
 * signed-in user holding 50 grants. Latency is measured from the moment each request was
 * due, so a slow response delays no later measurement (no coordinated omission).
 */
public final class MyDatasetsLoad {

	private static final int RATE = 200;

	/**
	 * Warm-up requests, their rate rising from {@link #WARM_UP_RATE} to {@link #RATE}
	 * (about 50 s): the JIT compiles the request path before anything counts, and a cold
	 * application is not buried under a backlog it then carries into the measurement.
	 */
	private static final int WARM_UP = 4_000;

	private static final int WARM_UP_RATE = 20;

	/**
	 * Requests at the full rate before the measured ones (20 s), after the one-at-a-time
	 * phases: the first seconds at full rate after a lull are slower (threads,
	 * connections and code paths only concurrency uses), and the goal is about the steady
	 * state.
	 */
	private static final int SETTLE = 4_000;

	/** 60 s at the rate. */
	private static final int MEASURED = 12_000;

	private static final int USER_GRANTS = 50;

	private final PlatformApp app;

	private final HttpClient http;

	private MyDatasetsLoad(PlatformApp app) {
		this.app = app;
		this.http = app.http();
	}

	public static void main(String[] args) throws Exception {
		String database = TestDatabases.create("bench_me_datasets");
		try (PlatformApp app = PlatformApp.start(database)) {
			MyDatasetsLoad load = new MyDatasetsLoad(app);
			String userId = app.signIn();
			seed(database, userId);
			load.run();
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static void seed(String database, String userId) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = TestDatabases.application(database)) {
			new Population().load(connection);
			try (PreparedStatement grants = connection.prepareStatement("""
					INSERT INTO grants (id, dataset_id, principal_type, user_id, username, level, granted_at,
					  granted_by_id, granted_by_username)
					SELECT gen_random_uuid(), id, 'USER', ?, 'admin', 'READ', now(), 'u-admin', 'admin'
					  FROM (SELECT id FROM datasets ORDER BY name LIMIT ?) chosen""")) {
				grants.setString(1, userId);
				grants.setInt(2, USER_GRANTS);
				grants.executeUpdate();
			}
			connection.commit();
		}
		// the data at rest before the load: vacuumed, analysed and written out, so that
		// neither autovacuum nor a checkpoint of the seed runs during the measurement
		try (Connection connection = TestDatabases.superuser(database)) {
			connection.createStatement().execute("VACUUM (ANALYZE)");
			connection.createStatement().execute("CHECKPOINT");
		}
		System.out.printf("seeded PostgreSQL in %d ms%n", (System.nanoTime() - start) / 1_000_000);
	}

	private void run() throws Exception {
		HttpResponse<String> sample = this.app.send("GET", "/api/v1/me/datasets", null);
		int datasets = sample.body().split("\"location\"", -1).length - 1;
		System.out.printf("GET /api/v1/me/datasets: %d, %d bytes, %d datasets%n", sample.statusCode(),
				sample.body().length(), datasets);
		phase("warm-up", WARM_UP, WARM_UP_RATE);
		serial("/api/v1/me", 500);
		serial("/api/v1/me/datasets", 500);
		phase("settle at the rate", SETTLE, RATE);
		long[] latencies = phase("measured", MEASURED, RATE);
		report(latencies);
		String trace = System.getProperty("bench.trace");
		if (trace != null) {
			// -Dbench.trace=FILE writes each measured request's latency in microseconds,
			// in the order they were due (one every 5 ms), to find when the slow ones
			// were
			try (PrintWriter out = new PrintWriter(trace, StandardCharsets.UTF_8)) {
				for (long latency : latencies) {
					out.println(latency / 1_000);
				}
			}
		}
	}

	/**
	 * One request at a time: the service time of a request with nothing queued ahead of
	 * it, which bounds what two cores can serve.
	 */
	private void serial(String path, int count) throws Exception {
		long[] latencies = new long[count];
		HttpRequest request = HttpRequest.newBuilder(this.app.uri(path))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(5))
			.build();
		for (int i = 0; i < count; i++) {
			long start = System.nanoTime();
			this.http.send(request, BodyHandlers.discarding());
			latencies[i] = System.nanoTime() - start;
		}
		System.out.printf("%s one at a time, %d requests: ", path, count);
		report(latencies);
	}

	/**
	 * Sends {@code count} requests whatever the answers, at a rate rising evenly from
	 * {@code startRate} to {@link #RATE} a second.
	 */
	private long[] phase(String name, int count, int startRate) throws Exception {
		long[] latencies = new long[count];
		AtomicInteger failures = new AtomicInteger();
		List<CompletableFuture<Void>> pending = new ArrayList<>(count);
		HttpRequest request = HttpRequest.newBuilder(this.app.uri("/api/v1/me/datasets"))
			.header("Accept", "application/json")
			.timeout(Duration.ofSeconds(5))
			.build();
		long begin = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(10);
		long due = begin;
		for (int i = 0; i < count; i++) {
			double rate = startRate + (RATE - startRate) * (double) i / count;
			due += (long) (TimeUnit.SECONDS.toNanos(1) / rate);
			long sent = due;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			int index = i;
			pending.add(this.http.sendAsync(request, BodyHandlers.discarding()).handle((response, error) -> {
				latencies[index] = System.nanoTime() - sent;
				if (error != null || response.statusCode() != 200) {
					failures.incrementAndGet();
				}
				return null;
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
		double seconds = (System.nanoTime() - begin) / 1e9;
		System.out.printf("%s: %d requests in %.1f s (%.0f/s), %d failed%n", name, count, seconds, count / seconds,
				failures.get());
		return latencies;
	}

	private static void report(long[] nanos) {
		long[] sorted = nanos.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT,
				"latency from due time: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, " + "max %.2f ms%n",
				ms(sorted, 0.50), ms(sorted, 0.90), ms(sorted, 0.99), ms(sorted, 0.999),
				sorted[sorted.length - 1] / 1e6);
	}

	private static double ms(long[] sorted, double quantile) {
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1)] / 1e6;
	}

}

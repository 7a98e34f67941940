package uk.gov.analyticalplatform.bench.dataaccess;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import uk.gov.analyticalplatform.testing.PlatformServices;
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

	private static final String PASSWORD = "bootstrap passphrase for the benchmark";

	private static final String NEW_PASSWORD = "a benchmark passphrase that is long enough";

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private final int port;

	private MyDatasetsLoad(int port) {
		this.port = port;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	public static void main(String[] args) throws Exception {
		String database = TestDatabases.create("bench_me_datasets");
		int port = freePort();
		Process app = start(database, port);
		try {
			MyDatasetsLoad load = new MyDatasetsLoad(port);
			String userId = load.signIn();
			seed(database, userId);
			load.run();
		}
		finally {
			app.destroy();
			app.waitFor(30, TimeUnit.SECONDS);
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static Process start(String database, int port) throws Exception {
		List<String> command = new ArrayList<>(
				List.of(new File(System.getProperty("java.home"), "bin/java").getPath(), "-Xmx512m"));
		String recording = System.getProperty("bench.jfr");
		if (recording != null) {
			// -Dbench.jfr=FILE profiles the application under load with Java Flight
			// Recorder
			command.add("-XX:StartFlightRecording=filename=" + recording + ",settings=profile");
		}
		String gcLog = System.getProperty("bench.gclog");
		if (gcLog != null) {
			// -Dbench.gclog=FILE logs the application's collections and safepoint pauses
			command.add("-Xlog:gc*,safepoint:file=" + gcLog + ":uptime,level,tags");
		}
		command.addAll(List.of("-jar", "platform-api/target/platform-api.jar", "--spring.profiles.active=local",
				"--server.port=" + port, "--platform.data-access.reconciler.enabled=false", "--logging.level.root=WARN",
				"--logging.level.uk.gov.analyticalplatform.api.PlatformApplication=INFO"));
		String extra = System.getProperty("bench.app.args");
		if (extra != null) {
			// -Dbench.app.args=--a=b,--c=d passes more settings to the application
			command.addAll(List.of(extra.split(",")));
		}
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.environment().put("PLATFORM_DB_URL", PlatformServices.get().jdbcUrl(database));
		builder.environment().put("PLATFORM_DB_USERNAME", TestDatabases.APP_ROLE);
		builder.environment().put("PLATFORM_DB_PASSWORD", TestDatabases.APP_ROLE);
		builder.environment().put("PLATFORM_DB_OWNER_USERNAME", TestDatabases.OWNER_ROLE);
		builder.environment().put("PLATFORM_DB_OWNER_PASSWORD", TestDatabases.OWNER_ROLE);
		builder.environment().put("PLATFORM_BOOTSTRAP_ADMIN_USERNAME", "admin");
		builder.environment().put("PLATFORM_BOOTSTRAP_ADMIN_PASSWORD", PASSWORD);
		builder.redirectErrorStream(true);
		Process process = builder.start();
		CountDownLatch started = new CountDownLatch(1);
		Thread output = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream()))) {
				String line;
				while ((line = lines.readLine()) != null) {
					if (line.contains("Started PlatformApplication")) {
						started.countDown();
					}
					if (line.contains("ERROR") || line.contains("WARN")) {
						System.out.println("[app] " + line);
					}
				}
			}
			catch (Exception ex) {
				// the process has ended
			}
		}, "app-output");
		output.setDaemon(true);
		output.start();
		if (!started.await(120, TimeUnit.SECONDS)) {
			process.destroy();
			throw new IllegalStateException("The application did not start within 2 minutes");
		}
		return process;
	}

	/**
	 * Signs in as the bootstrap admin: password, authenticator enrolment, new password.
	 * Returns the user's id.
	 */
	private String signIn() throws Exception {
		send("GET", "/api/v1/auth/csrf", null);
		send("POST", "/api/v1/auth/login", "{\"username\": \"admin\", \"password\": \"" + PASSWORD + "\"}");
		String secret = field(send("POST", "/api/v1/auth/totp/enrolment", "{}").body(), "secret");
		send("POST", "/api/v1/auth/totp/enrolment/confirm", "{\"code\": \"" + totp(secret) + "\"}");
		HttpResponse<String> changed = send("POST", "/api/v1/me/password",
				"{\"currentPassword\": \"" + PASSWORD + "\", \"newPassword\": \"" + NEW_PASSWORD + "\"}");
		if (changed.statusCode() != 204) {
			throw new IllegalStateException("Password change refused: " + changed.body());
		}
		HttpResponse<String> me = send("GET", "/api/v1/me", null);
		if (me.statusCode() != 200) {
			throw new IllegalStateException("Not signed in: " + me.body());
		}
		return field(me.body(), "id");
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
		HttpResponse<String> sample = send("GET", "/api/v1/me/datasets", null);
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
		HttpRequest request = HttpRequest.newBuilder(uri(path))
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
		HttpRequest request = HttpRequest.newBuilder(uri("/api/v1/me/datasets"))
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

	private HttpResponse<String> send(String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri(path))
			.header("Accept", "application/json")
			.method(method, (body != null) ? BodyPublishers.ofString(body) : BodyPublishers.noBody());
		if (body != null) {
			request.header("Content-Type", "application/json");
		}
		String xsrf = this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().equals("XSRF-TOKEN"))
			.map(HttpCookie::getValue)
			.findFirst()
			.orElse(null);
		if (xsrf != null) {
			request.header("X-XSRF-TOKEN", xsrf);
		}
		return this.http.send(request.build(), BodyHandlers.ofString());
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static String field(String json, String name) {
		Matcher matcher = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
		if (!matcher.find()) {
			throw new IllegalStateException("No " + name + " in " + json);
		}
		return matcher.group(1);
	}

	/** The current RFC 6238 code (SHA-1, 6 digits, 30 s) for a base32 secret. */
	static String totp(String secret) throws Exception {
		long step = Instant.now().getEpochSecond() / 30;
		Mac mac = Mac.getInstance("HmacSHA1");
		mac.init(new SecretKeySpec(base32(secret.replace(" ", "")), "HmacSHA1"));
		byte[] hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
		int offset = hash[hash.length - 1] & 0xf;
		int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
				| ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
		return String.format("%06d", binary % 1_000_000);
	}

	private static byte[] base32(String text) {
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
		ByteBuffer out = ByteBuffer.allocate(text.length() * 5 / 8 + 1);
		int buffer = 0;
		int bits = 0;
		for (char c : text.toUpperCase(Locale.ROOT).replace("=", "").toCharArray()) {
			buffer = (buffer << 5) | alphabet.indexOf(c);
			bits += 5;
			if (bits >= 8) {
				out.put((byte) (buffer >> (bits - 8)));
				bits -= 8;
			}
		}
		return Arrays.copyOf(out.array(), out.position());
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

package uk.gov.analyticalplatform.bench.app;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
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
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * The application jar ({@code platform-api/target/platform-api.jar}) started by a
 * benchmark on a database of its own and a free loopback port, with an HTTP client that
 * keeps its session: {@link #signIn} signs the bootstrap admin in through the API
 * (password, authenticator enrolment, new password).
 * <p>
 * System properties: {@code -Dbench.jfr=FILE} (a Java Flight Recorder profile of the
 * application), {@code -Dbench.gclog=FILE} (its GC and safepoint log),
 * {@code -Dbench.app.args=--a=b,--c=d} (more application settings).
 */
public final class PlatformApp implements AutoCloseable {

	private static final String PASSWORD = "bootstrap passphrase for the benchmark";

	private static final String NEW_PASSWORD = "a benchmark passphrase that is long enough";

	private final HttpClient http;

	private final CookieManager cookies = new CookieManager();

	private final int port;

	private final Process process;

	private PlatformApp(int port, Process process) {
		this.port = port;
		this.process = process;
		this.http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(this.cookies)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Starts the application on the database and waits until it has started. */
	public static PlatformApp start(String database, String... settings) throws Exception {
		int port = freePort();
		return new PlatformApp(port, start(database, port, List.of(settings)));
	}

	/** The client that holds the signed-in session. */
	public HttpClient http() {
		return this.http;
	}

	/** The session's cookies, as a {@code Cookie} header for other clients. */
	public String cookieHeader() {
		return this.cookies.getCookieStore()
			.getCookies()
			.stream()
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(30, TimeUnit.SECONDS);
	}

	private static Process start(String database, int port, List<String> settings) throws Exception {
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
		// -Dbench.app.jar=FILE starts another build of the application (A/B runs:
		// a copy of the jar built before a change, then the one after it)
		String jar = System.getProperty("bench.app.jar", "platform-api/target/platform-api.jar");
		command.addAll(List.of("-jar", jar, "--spring.profiles.active=local", "--server.port=" + port,
				"--platform.data-access.reconciler.enabled=false", "--logging.level.root=WARN",
				"--logging.level.uk.gov.analyticalplatform.api.PlatformApplication=INFO"));
		command.addAll(settings);
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
		// a loaded shared machine starts the application slowly:
		// -Dbench.app.start-timeout (s)
		int timeout = Integer.getInteger("bench.app.start-timeout", 300);
		if (!started.await(timeout, TimeUnit.SECONDS)) {
			process.destroy();
			throw new IllegalStateException("The application did not start within " + timeout + " s");
		}
		return process;
	}

	/**
	 * Signs in as the bootstrap admin: password, authenticator enrolment, new password.
	 * Returns the user's id.
	 */
	public String signIn() throws Exception {
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

	public HttpResponse<String> send(String method, String path, String body) throws Exception {
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

	public URI uri(String path) {
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

	public static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}

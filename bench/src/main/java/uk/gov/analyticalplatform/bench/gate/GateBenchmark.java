package uk.gov.analyticalplatform.bench.gate;

import java.net.URI;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import uk.gov.analyticalplatform.bench.app.PlatformApp;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * The authorisation gates side by side, in one run and with one driver
 * ({@link GateLoad}): oauth2-proxy's {@code /oauth2/auth} for any signed-in user and with
 * 50 allowed emails (the apps comparison: an app has at most 50 viewers), then
 * subrequests to our application with a signed-in session.
 * <p>
 * Our targets are {@code -Dbench.gate.targets=name|path|status[|Header: value[;Header:
 * value]]}, comma-separated; by default {@code GET /api/v1/me} (a cheap authenticated
 * endpoint: the session and the user read from PostgreSQL, as the gate must). Also
 * {@code -Dbench.gate.clients} (16), {@code -Dbench.gate.warmup} (20 s) and
 * {@code -Dbench.gate.seconds} (30 s); {@code -Dbench.oauth2proxy} is the binary.
 */
public final class GateBenchmark {

	private static final String DEFAULT_TARGETS = "me|/api/v1/me|200";

	private GateBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		GateLoad load = new GateLoad(Integer.getInteger("bench.gate.clients", 16),
				Duration.ofSeconds(Integer.getInteger("bench.gate.warmup", 20)),
				Duration.ofSeconds(Integer.getInteger("bench.gate.seconds", 30)));
		String binary = System.getProperty("bench.oauth2proxy");
		List<GateLoad.Result> results = new ArrayList<>();
		MockOAuth2Server oidc = new MockOAuth2Server();
		oidc.start();
		try {
			String analyst = "analyst-7@justice.example.gov.uk";
			try (OAuth2Proxy proxy = OAuth2Proxy.start(binary, oidc, List.of())) {
				results.add(report(load.measure(new GateLoad.Target("oauth2-proxy, any user", proxy.uri("/oauth2/auth"),
						Map.of("Cookie", proxy.signIn(analyst)), 202))));
			}
			List<String> viewers = IntStream.rangeClosed(1, 50)
				.mapToObj((i) -> "analyst-" + i + "@justice.example.gov.uk")
				.toList();
			try (OAuth2Proxy proxy = OAuth2Proxy.start(binary, oidc, viewers)) {
				results.add(report(load.measure(new GateLoad.Target("oauth2-proxy, 50 allowed emails",
						proxy.uri("/oauth2/auth"), Map.of("Cookie", proxy.signIn(analyst)), 202))));
			}
		}
		finally {
			oidc.shutdown();
		}
		String database = TestDatabases.create("bench_gate");
		try (PlatformApp app = PlatformApp.start(database)) {
			app.signIn();
			for (String spec : System.getProperty("bench.gate.targets", DEFAULT_TARGETS).split(",")) {
				results.add(report(load.measure(target(spec, app))));
			}
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
		System.out.println();
		results.forEach((result) -> System.out.println(result.line()));
	}

	/** {@code name|path|status[|Header: value;Header: value]}, with the app's session. */
	static GateLoad.Target target(String spec, PlatformApp app) {
		String[] parts = spec.trim().split("\\|");
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Cookie", app.cookieHeader());
		if (parts.length > 3) {
			for (String header : parts[3].split(";")) {
				int colon = header.indexOf(':');
				headers.put(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
			}
		}
		URI url = app.uri(parts[1]);
		return new GateLoad.Target("ours: " + parts[0], url, headers, Integer.parseInt(parts[2]));
	}

	private static GateLoad.Result report(GateLoad.Result result) {
		System.out.println(result.line());
		return result;
	}

}

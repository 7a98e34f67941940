package uk.gov.analyticalplatform.bench.gate;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
 * Our application runs on a database seeded with 10,000 users each with a READY
 * JupyterLab instance (the signed-in bootstrap admin one of them) and 5,000 apps with 50
 * viewers each (the admin one of the viewers of {@value #MEASURED_APP}, whose
 * availability notice the session reads once before the load), with the tool and app
 * reconcilers off and the Kubernetes simulator in place of a cluster: the gates read only
 * rows.
 * <p>
 * Our targets are {@code -Dbench.gate.targets=name|path|status[|Header: value[;Header:
 * value]]}, comma-separated; by default {@code GET /api/v1/me} (a cheap authenticated
 * endpoint, for reference), {@code /authz/tools} for the admin's tool and
 * {@code /authz/apps} for {@value #MEASURED_APP}, each with the {@code X-Original-URL}
 * the ingress sends. Also {@code -Dbench.gate.clients} (16), {@code -Dbench.gate.warmup}
 * (20 s) and {@code -Dbench.gate.seconds} (30 s); {@code -Dbench.oauth2proxy} is the
 * binary.
 */
public final class GateBenchmark {

	private static final String MEASURED_APP = "bench-2500";

	private static final String ADMIN_TOOL_HOST = "admin-jupyterlab.tools.localhost";

	private static final String MEASURED_APP_URL = "http://" + MEASURED_APP + ".apps.localhost/";

	/** The bootstrap admin's email: one of the 50 viewers of every seeded app. */
	private static final String ADMIN_EMAIL = "viewer1@bench.test";

	private static final int USERS = 10_000;

	private static final int APPS = 5_000;

	private static final int VIEWERS = 50;

	private static final String DEFAULT_TARGETS = "me|/api/v1/me|200,"
			+ "tools|/authz/tools|200|X-Original-URL: http://" + ADMIN_TOOL_HOST + "/lab/tree/analysis.ipynb,"
			+ "apps|/authz/apps|200|X-Original-URL: " + MEASURED_APP_URL + "dashboard";

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
		try (PlatformApp app = PlatformApp.start(database, "--platform.kubernetes.simulator=true",
				"--platform.tools.reconciler.enabled=false", "--platform.apps.reconciler.enabled=false")) {
			String adminId = app.signIn();
			seed(database, adminId);
			readNotice(app, MEASURED_APP_URL);
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

	/**
	 * 10,000 users with one READY JupyterLab each, the admin's among them (9,999 seeded
	 * plus the admin), marked applied so that no reconciler would touch them; 5,000 apps,
	 * one owner and the same 50 viewers each, the admin's email one of them.
	 */
	private static void seed(String database, String adminId) throws Exception {
		long start = System.nanoTime();
		try (Connection connection = TestDatabases.application(database)) {
			connection.setAutoCommit(false);
			try (Statement sql = connection.createStatement()) {
				sql.execute("""
						INSERT INTO users (id, username, email, display_name, origin, oidc_issuer, oidc_subject,
						  created_at, updated_at)
						SELECT md5('u' || i)::uuid, 'bench' || i, 'bench' || i || '@example.org', 'Bench ' || i,
						  'OIDC', 'https://bench.invalid', 'sub-' || i, now(), now()
						FROM generate_series(1, %1$d) AS i;
						INSERT INTO user_roles (user_id, role, granted_at)
						SELECT md5('u' || i)::uuid, 'ANALYST', now() FROM generate_series(1, %1$d) AS i;
						INSERT INTO tool_instances (id, user_id, username, namespace, host_label, tool, release_id,
						  profile, desired, start_requested_at, phase, phase_since, created_at, generation,
						  observed_generation, state, next_attempt_at, updated_at, applied_at)
						SELECT md5('t' || i)::uuid, md5('u' || i)::uuid, 'bench' || i, 'user-bench' || i,
						  'bench' || i || '-jupyterlab', 'JUPYTERLAB', '6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e01', 'small',
						  'RUNNING', now(), 'READY', now(), now(), 1, 1, 'READY', now(), now(), now()
						FROM generate_series(1, %1$d) AS i;
						INSERT INTO apps (id, name, description, repository_url, image_repository, created_at,
						  created_by)
						SELECT md5('app' || n)::uuid, 'bench-' || n, '', 'https://github.com/bench/app-' || n,
						  'ghcr.io/bench/app-' || n, now(), 'bench'
						FROM generate_series(1, %2$d) AS n;
						INSERT INTO app_owners (app_id, user_id, username, added_at, added_by)
						SELECT md5('app' || n)::uuid, md5('u' || n)::uuid::text, 'bench' || n, now(), 'bench'
						FROM generate_series(1, %2$d) AS n;
						INSERT INTO app_viewers (app_id, email, added_at, added_by)
						SELECT md5('app' || n)::uuid, 'viewer' || v || '@bench.test', now(), 'bench'
						FROM generate_series(1, %2$d) AS n, generate_series(1, %3$d) AS v;
						""".formatted(USERS - 1, APPS, VIEWERS));
			}
			try (PreparedStatement email = connection
				.prepareStatement("UPDATE users SET email = ?, updated_at = now() WHERE id = ?::uuid");
					PreparedStatement tool = connection.prepareStatement("""
							INSERT INTO tool_instances (id, user_id, username, namespace, host_label, tool, release_id,
							  profile, desired, start_requested_at, phase, phase_since, created_at, generation,
							  observed_generation, state, next_attempt_at, updated_at, applied_at)
							VALUES (gen_random_uuid(), ?::uuid, 'admin', 'user-admin', ?, 'JUPYTERLAB',
							  '6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e01', 'small', 'RUNNING', now(), 'READY', now(), now(),
							  1, 1, 'READY', now(), now(), now())""")) {
				email.setString(1, ADMIN_EMAIL);
				email.setString(2, adminId);
				if (email.executeUpdate() != 1) {
					throw new IllegalStateException("No admin " + adminId);
				}
				tool.setString(1, adminId);
				tool.setString(2, ADMIN_TOOL_HOST.substring(0, ADMIN_TOOL_HOST.indexOf('.')));
				tool.executeUpdate();
			}
			connection.commit();
		}
		// the data at rest before the load: vacuumed, analysed and written out, so that
		// neither autovacuum nor a checkpoint of the seed runs during the measurement
		try (Connection connection = TestDatabases.superuser(database)) {
			connection.createStatement().execute("VACUUM (ANALYZE)");
			connection.createStatement().execute("CHECKPOINT");
			try (ResultSet counts = connection.createStatement()
				.executeQuery("SELECT (SELECT count(*) FROM users), (SELECT count(*) FROM tool_instances), "
						+ "(SELECT count(*) FROM apps), (SELECT count(*) FROM app_viewers)")) {
				counts.next();
				System.out.printf("seeded PostgreSQL in %d ms: %d users, %d tool instances, %d apps, %d viewers%n",
						(System.nanoTime() - start) / 1_000_000, counts.getLong(1), counts.getLong(2),
						counts.getLong(3), counts.getLong(4));
			}
		}
	}

	/**
	 * The availability notice stands in front of an app once per session: the session
	 * reads it (the page, then "continue" with the page's CSRF token) before the gate
	 * lets it through.
	 */
	private static void readNotice(PlatformApp app, String appUrl) throws Exception {
		String rd = URLEncoder.encode(appUrl, StandardCharsets.UTF_8);
		HttpResponse<String> page = app.http()
			.send(HttpRequest.newBuilder(app.uri("/apps/notice?rd=" + rd)).header("Accept", "text/html").build(),
					BodyHandlers.ofString());
		if (page.statusCode() != 200) {
			throw new IllegalStateException("Notice page: " + page.statusCode());
		}
		int at = page.body().indexOf("name=\"_csrf\"");
		int value = page.body().indexOf("value=\"", at) + 7;
		String csrf = page.body().substring(value, page.body().indexOf('"', value));
		HttpResponse<String> read = app.http()
			.send(HttpRequest.newBuilder(app.uri("/apps/notice"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(BodyPublishers.ofString("rd=" + rd + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8)))
				.build(), BodyHandlers.ofString());
		if (read.statusCode() != 302 || !appUrl.equals(read.headers().firstValue("Location").orElse(null))) {
			throw new IllegalStateException("Notice not read: " + read.statusCode() + " " + read.headers().map());
		}
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

package uk.gov.analyticalplatform.api.observability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;

import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the chart's PrometheusRule and Grafana dashboard read is what the application
 * exports on its management port: every metric their expressions name, and the platform's
 * own (reconcile failures and queue depth for every loop of the kernel, audit sequencer
 * lag, access requests waiting over a day, tool instances by phase, apps by rollout
 * state).
 */
class PlatformMetricsIT extends IdentityIntegrationTest {

	private static final Path CHART = Path.of("..", "helm", "analytical-platform");

	/**
	 * A metric name right before its label matchers, as every expression of ours writes
	 * it.
	 */
	private static final Pattern SELECTED = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");

	/** Made by Prometheus itself, not by the application. */
	private static final Set<String> PROMETHEUS_OWN = Set.of("up");

	/**
	 * Panels whose metrics come with modules still being built: each must be absent until
	 * its module exports it (then this test fails: take it off the list and bind it in
	 * PlatformMetricsConfiguration).
	 */
	/** Metrics the chart names before the application exports them: none now. */
	private static final Map<String, String> AWAITED = Map.of();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalManagementPort
	int managementPort;

	@Autowired
	List<ReconcileLoop<?>> loops;

	@Autowired
	Apps apps;

	@Test
	void everyMetricTheAlertsAndTheDashboardNameIsExported() throws Exception {
		Set<String> exported = exported();
		Set<String> named = new TreeSet<>(rulesMetrics());
		named.addAll(dashboardMetrics());
		named.removeAll(PROMETHEUS_OWN);

		assertThat(named).contains("platform_reconcile_failures_total", "platform_reconcile_queue_depth",
				"platform_audit_sequencer_lag_seconds", "platform_access_requests_pending_over_one_day");
		for (String metric : named) {
			if (AWAITED.containsKey(metric)) {
				assertThat(exported).as("%s is exported now: take it off AWAITED", metric).doesNotContain(metric);
			}
			else {
				assertThat(exported).as("named by the chart's rules or dashboard").contains(metric);
			}
		}
	}

	@Test
	void everyReconcileLoopHasItsFailuresQueueDepthAndObjectsByState() throws Exception {
		String scrape = scrape();

		assertThat(this.loops).extracting(ReconcileLoop::name)
			.contains("dataaccess-reconciler", "dataaccess-datasets", "dataaccess-expiry");
		for (ReconcileLoop<?> loop : this.loops) {
			assertThat(scrape).contains("platform_reconcile_failures_total{reconciler=\"" + loop.name() + "\"}")
				.contains("platform_reconcile_queue_depth{reconciler=\"" + loop.name() + "\"}");
		}
		assertThat(scrape).contains("platform_reconcile_objects{reconciler=\"dataaccess-reconciler\",state=\"FAILED\"}")
			.contains("platform_reconcile_objects{reconciler=\"dataaccess-datasets\",state=\"FAILED\"}");
		assertThat(scrape).containsPattern("(?m)^platform_audit_sequencer_lag_seconds [0-9.eE+-]+$")
			.containsPattern("(?m)^platform_access_requests_pending_over_one_day [0-9.eE+-]+$")
			.containsPattern("(?m)^platform_tool_progress_streams [0-9.eE+-]+$")
			.containsPattern("(?m)^platform_tool_progress_streams_opened_total [0-9.eE+-]+$");
		for (String by : List.of("session-end", "token-revocation", "standing-check")) {
			assertThat(scrape).containsPattern(
					"(?m)^platform_tool_progress_streams_cut_off_total\\{by=\"" + by + "\"\\} [0-9.eE+-]+$");
		}
	}

	@Test
	void toolInstancesByPhaseAndAppsByRolloutStateAreCountedFromTheDatabase() throws Exception {
		SignedInUsers.Enrolled owner = this.users.enrolled("metrics-owner");
		this.apps.register(Caller.user(owner.user().id().toString(), owner.username()),
				new NewApp("metrics-app", "", "https://github.com/example/metrics-app", "ghcr.io/example/metrics-app"));
		superuserQuery("""
				INSERT INTO tool_instances (id, user_id, username, namespace, host_label, tool, release_id, profile,
				    desired, start_requested_at, phase, phase_since, created_at, generation, observed_generation,
				    state, next_attempt_at, updated_at, applied_at)
				VALUES (gen_random_uuid(), ?, ?, 'user-metrics-owner', 'metrics-owner-jupyterlab', 'JUPYTERLAB',
				    '6f1e2a8c-5b1d-4c57-9a40-0a6a4b1d7e01', 'small', 'STOPPED', now(), 'IDLED', now(), now(), 1, 1,
				    'READY', now(), now(), now())
				RETURNING id
				""", owner.user().id(), owner.username());

		String scrape = scrape();

		assertThat(gauge(scrape, "platform_tool_instances", "IDLED")).isEqualTo(1);
		assertThat(InstancePhase.values())
			.allSatisfy((phase) -> assertThat(gauge(scrape, "platform_tool_instances", phase.name()))
				.isEqualTo(count("SELECT count(*) FROM tool_instances WHERE phase = ?", phase.name())));
		double apps = 0;
		for (ApplyState state : ApplyState.values()) {
			apps += gauge(scrape, "platform_apps", state.name());
		}
		assertThat(apps).isEqualTo(count("SELECT count(*) FROM apps")).isPositive();
	}

	private static double gauge(String scrape, String name, String state) {
		Matcher value = Pattern.compile("(?m)^" + name + "\\{state=\"" + state + "\"\\} ([0-9.eE+-]+)$")
			.matcher(scrape);
		assertThat(value.find()).as("%s{state=%s} in%n%s", name, state, scrape).isTrue();
		return Double.parseDouble(value.group(1));
	}

	private double count(String sql, Object... parameters) {
		return Double.parseDouble(superuserQuery(sql, parameters).get(0));
	}

	private Set<String> exported() throws Exception {
		Set<String> names = new TreeSet<>();
		Matcher name = Pattern.compile("(?m)^([a-zA-Z_:][a-zA-Z0-9_:]*)[{ ]").matcher(scrape());
		while (name.find()) {
			names.add(name.group(1));
		}
		return names;
	}

	/** Scrapes after a request, so that the request metrics exist. */
	private String scrape() throws IOException, InterruptedException {
		this.http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/livez")).build(),
				BodyHandlers.discarding());
		return this.http
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.managementPort + "/actuator/prometheus"))
				.header("Accept", "text/plain")
				.build(), BodyHandlers.ofString())
			.body();
	}

	private static Set<String> rulesMetrics() throws IOException {
		return selected(Files.readString(CHART.resolve("templates/prometheusrule.yaml")));
	}

	private static Set<String> dashboardMetrics() throws IOException {
		JsonNode dashboard = JsonMapper.builder()
			.build()
			.readTree(CHART.resolve("files/grafana-dashboard.json").toFile());
		Set<String> names = new TreeSet<>();
		for (JsonNode panel : dashboard.path("panels")) {
			for (JsonNode target : panel.path("targets")) {
				names.addAll(selected(target.path("expr").asString()));
			}
		}
		return names;
	}

	private static Set<String> selected(String expressions) {
		Set<String> names = new TreeSet<>();
		Matcher selected = SELECTED.matcher(expressions);
		while (selected.find()) {
			names.add(selected.group(1));
		}
		return names;
	}

}

package uk.gov.analyticalplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Where the real services started by {@code scripts/services.sh} listen. Values come from
 * the environment ({@code make test} exports them) or, when a test runs from an IDE, from
 * {@code build/services/env} in the nearest enclosing checkout.
 */
public final class PlatformServices {

	private static final PlatformServices INSTANCE = load();

	private final Map<String, String> values;

	private PlatformServices(Map<String, String> values) {
		this.values = values;
	}

	public static PlatformServices get() {
		return INSTANCE;
	}

	public String pgHost() {
		return require("PLATFORM_PG_HOST");
	}

	public int pgPort() {
		return Integer.parseInt(require("PLATFORM_PG_PORT"));
	}

	public String pgSuperuser() {
		return require("PLATFORM_PG_SUPERUSER");
	}

	public String pgSuperuserPassword() {
		return require("PLATFORM_PG_SUPERUSER_PASSWORD");
	}

	public String awsEndpoint() {
		return require("PLATFORM_AWS_ENDPOINT");
	}

	/**
	 * The AWS emulator that checks every call against IAM: tests reset it and open a few
	 * unchecked calls to create their own admin user.
	 */
	public String awsIamEndpoint() {
		return require("PLATFORM_AWS_IAM_ENDPOINT");
	}

	/**
	 * The kubeconfig of the real local Kubernetes cluster (a platform admin's client
	 * certificate): tests give themselves namespaces of their own in it.
	 */
	public String kubeconfig() {
		return require("PLATFORM_KUBECONFIG");
	}

	/**
	 * The kubeconfig the control plane's own code under test uses: the admin's, or, when
	 * the JVM has {@code -Dplatform.test.chart-service-account=true} (failsafe's
	 * {@code chart-rbac} execution), one with a token of the Helm chart's ServiceAccount
	 * with exactly the chart's RBAC ({@link ChartServiceAccount}). The test's own setup
	 * and assertions keep using {@link #kubeconfig()}.
	 */
	public String controlPlaneKubeconfig() {
		return Boolean.getBoolean(ChartServiceAccount.PROPERTY) ? ChartServiceAccount.kubeconfig().toString()
				: kubeconfig();
	}

	/**
	 * The pinned Helm binary that {@code scripts/helm.sh} builds into the machine-wide
	 * cache ({@code make test} builds it with the local cluster).
	 */
	public String helm() {
		return require("PLATFORM_HELM");
	}

	/**
	 * The folder of the Prometheus Operator's CRDs (ServiceMonitor, PrometheusRule) that
	 * {@code scripts/prometheus-crds.sh} fetches, pinned, into the machine-wide cache.
	 */
	public String prometheusCrds() {
		return require("PLATFORM_PROMETHEUS_CRDS");
	}

	/**
	 * {@code host:port} of the OCI registry on loopback
	 * ({@code scripts/services.sh registry}; {@code make test} starts it): see
	 * {@link TestRegistry}.
	 */
	public String registry() {
		return require("PLATFORM_REGISTRY");
	}

	public String jdbcUrl(String database) {
		return "jdbc:postgresql://" + pgHost() + ":" + pgPort() + "/" + database;
	}

	private String require(String key) {
		String value = this.values.get(key);
		if (value == null || value.isBlank()) {
			throw new IllegalStateException(key + " is not set: start the services with 'scripts/services.sh start' "
					+ "(make test does this) before running tests");
		}
		return value;
	}

	private static PlatformServices load() {
		Map<String, String> values = new HashMap<>();
		Path envFile = findEnvFile(Path.of("").toAbsolutePath());
		if (envFile != null) {
			Properties file = new Properties();
			try (var reader = Files.newBufferedReader(envFile)) {
				file.load(reader);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			file.forEach((key, value) -> values.put((String) key, (String) value));
		}
		System.getenv().forEach((key, value) -> {
			if (key.startsWith("PLATFORM_")) {
				values.put(key, value);
			}
		});
		return new PlatformServices(values);
	}

	private static Path findEnvFile(Path from) {
		for (Path dir = from; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("build/services/env");
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
		}
		return null;
	}

}

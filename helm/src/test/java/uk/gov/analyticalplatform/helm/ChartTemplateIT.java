package uk.gov.analyticalplatform.helm;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.gov.analyticalplatform.helm.Manifests.at;
import static uk.gov.analyticalplatform.helm.Manifests.atKeys;
import static uk.gov.analyticalplatform.helm.Manifests.only;

/**
 * The chart as {@code helm lint} and {@code helm template} see it: what it renders with
 * the minimal and the production example values, and what its schema refuses.
 */
@SuppressWarnings("unchecked")
class ChartTemplateIT {

	@Test
	void lintPassesWithTheMinimalAndTheProductionValues() {
		for (Path values : List.of(Helm.MINIMAL, Helm.PRODUCTION)) {
			Helm.Result lint = Helm.run("lint", "--strict", Helm.CHART.toString(), "--values", values.toString());
			assertThat(lint.orFail()).contains("1 chart(s) linted, 0 chart(s) failed");
		}
	}

	@Test
	void theMinimalValuesRenderTheWholeInstallation() {
		List<Map<String, Object>> manifests = Helm.template(List.of(Helm.MINIMAL));

		assertThat(Manifests.kinds(manifests)).containsExactlyInAnyOrder("ServiceAccount", "ConfigMap", "ClusterRole",
				"ClusterRoleBinding", "Service", "Deployment", "Ingress", "PodDisruptionBudget", "NetworkPolicy");
	}

	@Test
	void theDeploymentRunsTwoLockedDownReplicasProbedOnTheManagementPort() {
		Map<String, Object> deployment = only(Helm.template(List.of(Helm.MINIMAL)), "Deployment");

		assertThat((Integer) at(deployment, "spec.replicas")).isEqualTo(2);
		assertThat((Integer) at(deployment, "spec.strategy.rollingUpdate.maxUnavailable")).isZero();
		Map<String, Object> pod = at(deployment, "spec.template.spec");
		assertThat((Boolean) at(pod, "securityContext.runAsNonRoot")).isTrue();
		assertThat((Integer) at(pod, "securityContext.runAsUser")).isEqualTo(65532);
		assertThat((String) at(pod, "securityContext.seccompProfile.type")).isEqualTo("RuntimeDefault");
		Map<String, Object> container = at(pod, "containers.0");
		assertThat((Boolean) at(container, "securityContext.readOnlyRootFilesystem")).isTrue();
		assertThat((Boolean) at(container, "securityContext.allowPrivilegeEscalation")).isFalse();
		assertThat((List<Object>) at(container, "securityContext.capabilities.drop")).containsExactly("ALL");
		assertThat((String) at(container, "readinessProbe.httpGet.path")).isEqualTo("/actuator/health/readiness");
		assertThat((String) at(container, "livenessProbe.httpGet.path")).isEqualTo("/actuator/health/liveness");
		assertThat((String) at(container, "readinessProbe.httpGet.port")).isEqualTo("management");
		assertThat((String) at(container, "resources.limits.memory")).isEqualTo("1536Mi");
		assertThat((String) at(container, "volumeMounts.0.mountPath")).isEqualTo("/tmp");
		assertThat((Map<?, ?>) at(pod, "volumes.0.emptyDir")).isNotNull();
		assertThat((List<Map<String, Object>>) at(pod, "topologySpreadConstraints"))
			.extracting((constraint) -> constraint.get("topologyKey"))
			.containsExactly("topology.kubernetes.io/zone", "kubernetes.io/hostname");
	}

	@Test
	void theIngressServesTheControlPanelOverTlsAndNeverTheManagementPort() {
		List<Map<String, Object>> manifests = Helm.template(List.of(Helm.MINIMAL));
		Map<String, Object> ingress = only(manifests, "Ingress");

		assertThat((String) at(ingress, "spec.tls.0.secretName")).isEqualTo("analytical-platform-tls");
		assertThat((List<Object>) at(ingress, "spec.tls.0.hosts"))
			.containsExactly("analytical-platform.example.gov.uk");
		assertThat((List<Map<String, Object>>) at(ingress, "spec.rules.0.http.paths"))
			.extracting((path) -> at(path, "backend.service.port.name"))
			.containsOnly("http");
		assertThat((List<Map<String, Object>>) at(only(manifests, "Service"), "spec.ports"))
			.extracting((port) -> port.get("name"))
			.containsExactly("http", "management");
		Map<String, Object> policy = only(manifests, "NetworkPolicy");
		assertThat((String) at(policy, "spec.ingress.0.ports.0.port")).isEqualTo("http");
		assertThat((String) at(policy, "spec.ingress.1.ports.0.port")).isEqualTo("management");
	}

	@Test
	void secretsAreReferencedByTheDeploymentNeverWrittenIntoTheChart() {
		List<Map<String, Object>> manifests = Helm.template(List.of(Helm.PRODUCTION));
		List<Map<String, Object>> env = at(only(manifests, "Deployment"), "spec.template.spec.containers.0.env");
		String config = applicationYaml(manifests);

		assertThat(env).filteredOn((variable) -> ((String) variable.get("name")).matches(".*(PASSWORD|KEY_.*|SECRET)$"))
			.hasSize(9)
			.allSatisfy((variable) -> assertThat(variable).containsKey("valueFrom").doesNotContainKey("value"));
		assertThat(config).contains("k2025: ${PLATFORM_KEY_TOTP_0}", "k2026: ${PLATFORM_KEY_TOTP_1}",
				"s2026: ${PLATFORM_KEY_APPS_0}", "a2026: ${PLATFORM_KEY_AUDIT_0}",
				"client-secret: ${PLATFORM_OIDC_0_CLIENT_SECRET}", "password: ${PLATFORM_SMTP_PASSWORD}");
	}

	@Test
	void productionValuesAddTheAutoscalerMonitoringAndTheIamRole() {
		List<Map<String, Object>> manifests = Helm.template(List.of(Helm.PRODUCTION));

		assertThat(Manifests.kinds(manifests)).contains("HorizontalPodAutoscaler", "ServiceMonitor", "PrometheusRule");
		assertThat((Map<String, Object>) at(only(manifests, "Deployment"), "spec")).doesNotContainKey("replicas");
		assertThat((String) at(only(manifests, "ServiceMonitor"), "spec.endpoints.0.port")).isEqualTo("management");
		assertThat((String) atKeys(only(manifests, "ServiceAccount"), "metadata", "annotations",
				"eks.amazonaws.com/role-arn"))
			.isEqualTo("arn:aws:iam::123456789012:role/analytical-platform-control-plane");
		Map<String, Object> dashboard = manifests.stream()
			.filter((m) -> "ConfigMap".equals(m.get("kind")) && at(m, "metadata.labels.grafana_dashboard") != null)
			.findFirst()
			.orElseThrow();
		Map<String, Object> json = Manifests.parseOne(atKeys(dashboard, "data", "analytical-platform.json"));
		assertThat((List<?>) json.get("panels")).hasSizeGreaterThanOrEqualTo(6);
	}

	@Test
	void everyPlatformSettingTheChartSetsIsDocumented() throws IOException {
		String docs = Files.readString(Path.of("../docs/configuration.md"));
		List<Map<String, Object>> manifests = Helm.template(List.of(Helm.PRODUCTION));
		Map<String, Object> config = Manifests.parseOne(applicationYaml(manifests));
		List<String> keys = new ArrayList<>();
		flatten("", config, keys);

		assertThat(keys).filteredOn((key) -> key.startsWith("platform."))
			.hasSizeGreaterThan(20)
			.allSatisfy((key) -> assertThat(documented(docs, key)).as(key + " in docs/configuration.md").isTrue());
	}

	@Test
	void withoutItsRequiredValuesTheChartRefusesToInstallAndSaysWhich() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString());

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("values don't meet the specifications of the schema")
			.contains("controlPanel", "database", "keys", "tools", "apps");
	}

	@Test
	void aValueOfTheWrongTypeIsRefused() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString(), "--values", Helm.MINIMAL.toString(),
				"--set-string", "replicaCount=two");

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("replicaCount").contains("integer");
	}

	@Test
	void anEmptyRequiredValueIsRefused() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString(), "--values", Helm.MINIMAL.toString(),
				"--set", "database.host=");

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("/database/host");
	}

	@Test
	void anActiveKeyThatIsNotListedIsRefused() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString(), "--values", Helm.MINIMAL.toString(),
				"--set", "keys.totp.activeKeyId=totp-2027");

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("keys.totp.activeKeyId \"totp-2027\" must be one of keys.totp.keyIds");
	}

	@Test
	void anIngressWithoutATlsSecretIsRefused() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString(), "--values", Helm.MINIMAL.toString(),
				"--set", "ingress.tls.secretName=");

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("/ingress/tls/secretName");
	}

	@Test
	void aMisspelledValueIsRefused() {
		Helm.Result result = Helm.run("template", "ap", Helm.CHART.toString(), "--values", Helm.MINIMAL.toString(),
				"--set", "replicas=3");

		assertThat(result.succeeded()).isFalse();
		assertThat(result.err()).contains("replicas");
	}

	private static String applicationYaml(List<Map<String, Object>> manifests) {
		return manifests.stream()
			.filter((m) -> "ConfigMap".equals(m.get("kind")))
			.map((m) -> (String) atKeys(m, "data", "application.yaml"))
			.filter((yaml) -> yaml != null)
			.findFirst()
			.orElseThrow();
	}

	private static void flatten(String prefix, Object node, List<String> keys) {
		// a map of bracketed keys (annotations) is one setting
		boolean bracketed = node instanceof Map<?, ?> map
				&& map.keySet().stream().anyMatch((k) -> ((String) k).startsWith("["));
		if (node instanceof Map<?, ?> map && !map.isEmpty() && !bracketed) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? (String) key : prefix + "." + key, value, keys));
		}
		else {
			keys.add(prefix);
		}
	}

	/**
	 * Whether the documentation names the key: whole, with one segment standing for an id
	 * ({@code encryption-keys.<id>}), or as a provider's setting in its own table.
	 */
	private static boolean documented(String docs, String key) {
		if (docs.contains("`" + key + "`")) {
			return true;
		}
		String[] segments = key.split("\\.");
		for (int i = 1; i < segments.length; i++) {
			String[] withId = segments.clone();
			withId[i] = "<id>";
			String candidate = String.join(".", withId);
			if (docs.contains("`" + candidate + "`")) {
				return true;
			}
			String prefix = String.join(".", Arrays.copyOf(withId, i + 1));
			String rest = String.join(".", Arrays.copyOfRange(segments, i + 1, segments.length));
			Matcher section = Pattern.compile("`" + Pattern.quote(prefix) + "\\.\\*`").matcher(docs);
			if (!rest.isEmpty() && section.find() && docs.indexOf("`" + rest + "`", section.end()) > 0) {
				return true;
			}
		}
		return false;
	}

}

package uk.gov.analyticalplatform.helm;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * The chart against the real local API server: every manifest it renders is accepted (a
 * server-side dry run), and a real {@code helm install} becomes available (kwok runs the
 * pods), with the security settings and the RBAC the API server stored.
 */
class ChartInstallIT {

	static final String RELEASE = "ap-" + UUID.randomUUID().toString().substring(0, 6);

	static KubernetesClient admin;

	static String namespace;

	static Duration installTime;

	@BeforeAll
	static void install() {
		admin = new KubernetesClientBuilder().withConfig(config()).build();
		namespace = "t-" + RELEASE;
		admin.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build())
			.create();
		secret("analytical-platform-db-app", Map.of("password", "app"));
		secret("analytical-platform-db-owner", Map.of("password", "owner"));
		secret("analytical-platform-keys", Map.of("totp-2026", "a2V5", "apps-2026", "a2V5", "audit-2026", "a2V5"));
		installPrometheusOperatorCrds();
		long started = System.nanoTime();
		Helm.run("install", RELEASE, Helm.CHART.toString(), "--namespace", namespace, "--values",
				Helm.MINIMAL.toString(), "--wait", "--timeout", "3m")
			.orFail();
		await().atMost(Duration.ofMinutes(2)).until(() -> available() == 2);
		installTime = Duration.ofNanos(System.nanoTime() - started);
	}

	@AfterAll
	static void uninstall() {
		Helm.run("uninstall", RELEASE, "--namespace", namespace, "--wait", "--timeout", "2m");
		admin.namespaces().withName(namespace).delete();
		admin.close();
	}

	@Test
	void everyManifestOfBothExampleInstallationsIsAcceptedByTheApiServer() {
		for (Path values : List.of(Helm.MINIMAL, Helm.PRODUCTION)) {
			String rendered = Helm
				.run("template", "dry", Helm.CHART.toString(), "--namespace", namespace, "--values", values.toString())
				.orFail();
			List<String> accepted = new ArrayList<>();
			for (HasMetadata object : admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)))
				.items()) {
				admin.resource(object).inNamespace(namespace).dryRun().create();
				accepted.add(object.getKind());
			}
			assertThat(accepted).as(values.getFileName().toString()).contains("Deployment", "ClusterRole", "Ingress");
			if (values == Helm.PRODUCTION) {
				assertThat(accepted).contains("ServiceMonitor", "PrometheusRule");
			}
		}
	}

	@Test
	void theMonitoringObjectsAreStoredAsThePrometheusOperatorsSchemaReadsThem() {
		String rendered = Helm
			.run("template", RELEASE, Helm.CHART.toString(), "--namespace", namespace, "--values",
					Helm.PRODUCTION.toString(), "--show-only", "templates/prometheusrule.yaml", "--show-only",
					"templates/servicemonitor.yaml")
			.orFail();
		for (HasMetadata object : admin.load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8)))
			.items()) {
			admin.resource(object).inNamespace(namespace).create();
		}

		GenericKubernetesResource rule = admin.genericKubernetesResources("monitoring.coreos.com/v1", "PrometheusRule")
			.inNamespace(namespace)
			.withName(fullName())
			.get();
		List<Map<String, Object>> rules = rule.get("spec", "groups", 0, "rules");
		assertThat(rules).extracting((alert) -> alert.get("alert"))
			.contains("AnalyticalPlatformReconcileFailing", "AnalyticalPlatformReconcileQueueStuck",
					"AnalyticalPlatformAuditSequencerLagging", "AnalyticalPlatformAccessRequestsWaiting");
		assertThat(rules).allSatisfy((alert) -> assertThat((String) alert.get("expr")).doesNotContain("{{"));
		GenericKubernetesResource monitor = admin
			.genericKubernetesResources("monitoring.coreos.com/v1", "ServiceMonitor")
			.inNamespace(namespace)
			.withName(fullName())
			.get();
		assertThat((String) monitor.get("spec", "endpoints", 0, "path")).isEqualTo("/actuator/prometheus");

		GenericKubernetesResource wrongType = new GenericKubernetesResource();
		wrongType.setApiVersion("monitoring.coreos.com/v1");
		wrongType.setKind("ServiceMonitor");
		wrongType.setMetadata(new ObjectMetaBuilder().withName("wrong-type").build());
		wrongType.setAdditionalProperty("spec", Map.of("endpoints", "every port"));
		assertThatExceptionOfType(KubernetesClientException.class)
			.as("the operator's schema is enforced, not just any JSON accepted")
			.isThrownBy(() -> admin.resource(wrongType).inNamespace(namespace).dryRun().create())
			.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(422));
	}

	@Test
	void theInstallBecomesAvailableWithTwoReplicas() {
		assertThat(available()).isEqualTo(2);
		assertThat(installTime).isLessThan(Duration.ofMinutes(3));
		assertThat(
				admin.pods().inNamespace(namespace).withLabel("app.kubernetes.io/instance", RELEASE).list().getItems())
			.hasSize(2)
			.allSatisfy((pod) -> assertThat(pod.getStatus().getPhase()).isEqualTo("Running"));
		System.out.printf("helm install until available: %d ms%n", installTime.toMillis());
	}

	@Test
	void theApiServerStoredTheSecuritySettings() {
		PodSpec pod = admin.apps()
			.deployments()
			.inNamespace(namespace)
			.withName(fullName())
			.get()
			.getSpec()
			.getTemplate()
			.getSpec();
		Container container = pod.getContainers().get(0);

		assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
		assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(65532L);
		assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
		assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
		assertThat(container.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
		assertThat(container.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
		assertThat(container.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/actuator/health/readiness");
		assertThat(container.getResources().getLimits()).containsKey("memory");
		assertThat(admin.policy().v1().podDisruptionBudget().inNamespace(namespace).withName(fullName()).get())
			.isNotNull();
		assertThat(admin.network().v1().networkPolicies().inNamespace(namespace).withName(fullName()).get())
			.isNotNull();
	}

	@Test
	void theServiceAccountMayDoExactlyWhatTheRulesGrant() {
		String user = "system:serviceaccount:" + namespace + ":" + fullName();
		for (RbacRules.Rule rule : RbacRules.load().rules()) {
			for (String resource : rule.resources()) {
				for (String verb : RbacRules.ALL_VERBS) {
					boolean allowed = allowed(user, rule.apiGroups().get(0), resource, verb, "user-someone");
					assertThat(allowed).as("%s %s", verb, resource).isEqualTo(rule.verbs().contains(verb));
				}
			}
		}
		assertThat(allowed(user, "", "configmaps", "get", "user-someone")).isFalse();
		assertThat(allowed(user, "", "configmaps", "list", namespace)).isFalse();
		assertThat(allowed(user, "", "pods", "create", "user-someone")).isFalse();
		assertThat(allowed(user, "rbac.authorization.k8s.io", "clusterroles", "create", null)).isFalse();
		assertThat(allowed(user, "rbac.authorization.k8s.io", "rolebindings", "create", "user-someone")).isFalse();
		assertThat(allowed(user, "", "nodes", "list", null)).isFalse();
	}

	@Test
	void theServiceAccountMakesAUsersNamespaceAndWorkloadButCreatesNoPod() {
		Config impersonating = new ConfigBuilder(config())
			.withImpersonateUsername("system:serviceaccount:" + namespace + ":" + fullName())
			.withImpersonateGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace)
			.build();
		String userNamespace = "user-" + RELEASE;
		try (KubernetesClient platform = new KubernetesClientBuilder().withConfig(impersonating).build()) {
			platform.namespaces()
				.resource(new NamespaceBuilder().withNewMetadata().withName(userNamespace).endMetadata().build())
				.fieldManager("analytical-platform")
				.serverSideApply();
			platform.apps()
				.deployments()
				.inNamespace(userNamespace)
				.resource(new DeploymentBuilder().withNewMetadata()
					.withName("jupyterlab")
					.endMetadata()
					.withNewSpec()
					.withReplicas(0)
					.withNewSelector()
					.addToMatchLabels("app", "jupyterlab")
					.endSelector()
					.withNewTemplate()
					.withNewMetadata()
					.addToLabels("app", "jupyterlab")
					.endMetadata()
					.withNewSpec()
					.addNewContainer()
					.withName("jupyterlab")
					.withImage("quay.io/jupyter/base-notebook:latest")
					.endContainer()
					.endSpec()
					.endTemplate()
					.endSpec()
					.build())
				.fieldManager("analytical-platform")
				.serverSideApply();
			assertThat(platform.pods().inNamespace(userNamespace).list().getItems()).isEmpty();
			// Secrets are granted since apps receive theirs as Kubernetes Secrets in
			// namespaces that
			// come and go (a ClusterRole cannot name a namespace prefix); pods never are
			// created by
			// the control plane, only by the Deployments it applies
			assertThatExceptionOfType(KubernetesClientException.class)
				.isThrownBy(() -> platform.pods()
					.inNamespace(userNamespace)
					.resource(new PodBuilder().withNewMetadata()
						.withName("direct")
						.endMetadata()
						.withNewSpec()
						.addNewContainer()
						.withName("direct")
						.withImage("quay.io/jupyter/base-notebook:latest")
						.endContainer()
						.endSpec()
						.build())
					.create())
				.satisfies((ex) -> assertThat(ex.getCode()).isEqualTo(403));
			platform.namespaces().withName(userNamespace).delete();
		}
		finally {
			admin.namespaces().withName(userNamespace).delete();
		}
	}

	/**
	 * The CRDs of the Prometheus Operator's ServiceMonitor and PrometheusRule, pinned in
	 * scripts/prometheus-crds.sh: applied (idempotently, once per cluster in effect) and
	 * awaited until served.
	 */
	private static void installPrometheusOperatorCrds() {
		try (var crds = Files.list(Path.of(PlatformServices.get().prometheusCrds()))) {
			for (Path file : crds.filter((f) -> f.toString().endsWith(".yaml")).sorted().toList()) {
				CustomResourceDefinition crd = admin.apiextensions()
					.v1()
					.customResourceDefinitions()
					.load(file.toFile())
					.item();
				admin.resource(crd).fieldManager("chart-tests").forceConflicts().serverSideApply();
				admin.apiextensions()
					.v1()
					.customResourceDefinitions()
					.withName(crd.getMetadata().getName())
					.waitUntilCondition(
							// a CRD just created may have a status without conditions yet
							(stored) -> stored != null && stored.getStatus() != null
									&& stored.getStatus().getConditions() != null
									&& stored.getStatus()
										.getConditions()
										.stream()
										.anyMatch((c) -> "Established".equals(c.getType())
												&& "True".equals(c.getStatus())),
							1, TimeUnit.MINUTES);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean allowed(String user, String group, String resource, String verb, String inNamespace) {
		SubjectAccessReview review = new SubjectAccessReviewBuilder().withNewSpec()
			.withUser(user)
			.withGroups("system:serviceaccounts", "system:serviceaccounts:" + namespace, "system:authenticated")
			.withNewResourceAttributes()
			.withGroup(group)
			.withResource(resource)
			.withVerb(verb)
			.withNamespace(inNamespace)
			.endResourceAttributes()
			.endSpec()
			.build();
		return admin.authorization().v1().subjectAccessReview().create(review).getStatus().getAllowed();
	}

	private static int available() {
		Deployment stored = admin.apps().deployments().inNamespace(namespace).withName(fullName()).get();
		Integer available = (stored.getStatus() != null) ? stored.getStatus().getAvailableReplicas() : null;
		return (available != null) ? available : 0;
	}

	private static String fullName() {
		return RELEASE + "-analytical-platform";
	}

	private static void secret(String name, Map<String, String> data) {
		admin.secrets()
			.inNamespace(namespace)
			.resource(new SecretBuilder().withNewMetadata().withName(name).endMetadata().withStringData(data).build())
			.create();
	}

	static Config config() {
		try {
			return Config.fromKubeconfig(Files.readString(Path.of(PlatformServices.get().kubeconfig())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

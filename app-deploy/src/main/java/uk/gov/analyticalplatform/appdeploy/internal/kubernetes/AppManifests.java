package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EnvVarBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import uk.gov.analyticalplatform.dataaccess.WorkloadIdentities;
import uk.gov.analyticalplatform.appdeploy.internal.apps.AppSpec;
import uk.gov.analyticalplatform.kubernetes.Workloads;

/**
 * What Kubernetes should hold for one app, built with no I/O: the namespace
 * {@code app-<name>}; a ServiceAccount that assumes the app's IAM role; a default-deny
 * NetworkPolicy and one admitting only the ingress controller; a Secret with the app's
 * secrets; and once a version is deployed, a Deployment (non-root, capabilities dropped,
 * seccomp, resource limits, readiness probe, rolling update with no unavailable replica),
 * a Service and an Ingress at {@code <name>.<domain>} whose every request is first put to
 * the platform's gate.
 */
public final class AppManifests {

	/** The label naming the app that owns an object (and its pods). */
	public static final String APP_LABEL = "analytical-platform.uk/app";

	/** The label naming the version a pod runs. */
	public static final String VERSION_LABEL = "analytical-platform.uk/app-version";

	static final String MANAGED_BY = "app.kubernetes.io/managed-by";

	static final String NAME = "app";

	static final String SECRET = "app-secrets";

	static final String ROLE_ANNOTATION = Workloads.IRSA_ROLE_ANNOTATION;

	/**
	 * The role a pod was created with (a pod's credentials are fixed at its creation).
	 */
	static final String POD_ROLE = Workloads.POD_ROLE_ANNOTATION;

	static final String SECRETS_CHECKSUM = "analytical-platform.uk/secrets-sha256";

	private AppManifests() {
	}

	/**
	 * How every app is run.
	 *
	 * @param domain apps are served at {@code <name>.<domain>}
	 * @param containerPort the port apps listen on
	 * @param ingressClass the IngressClass
	 * @param ingressControllerNamespace the namespace whose pods may reach apps
	 * @param ingressAnnotations extra annotations of apps' Ingress objects; the gate's
	 * own annotations win over them
	 * @param authUrl the gate, as the ingress controller calls it
	 * @param signInUrl where a request without a session is sent
	 * @param cpuRequest CPU requested
	 * @param cpuLimit CPU limit
	 * @param memoryRequest memory requested
	 * @param memoryLimit memory limit
	 */
	public record Settings(String domain, int containerPort, String ingressClass, String ingressControllerNamespace,
			Map<String, String> ingressAnnotations, String authUrl, String signInUrl, String cpuRequest,
			String cpuLimit, String memoryRequest, String memoryLimit) {

	}

	/** The namespace of an app. */
	public static String namespace(String app) {
		return WorkloadIdentities.appNamespace(app);
	}

	/**
	 * Every object the app needs, namespace first.
	 * @param spec what the owners want
	 * @param roleArn the app's IAM role, or {@code null} when it has none
	 * @param settings how apps are run
	 */
	public static List<HasMetadata> desired(AppSpec spec, String roleArn, Settings settings) {
		List<HasMetadata> objects = new ArrayList<>();
		objects.add(namespace(spec));
		objects.add(serviceAccount(spec, roleArn));
		objects.add(denyAll(spec));
		objects.add(admitIngressController(spec, settings));
		objects.add(secret(spec));
		if (spec.version() != null) {
			// the Deployment last: a version is never running before it can be reached
			objects.add(service(spec, settings));
			objects.add(ingress(spec, settings));
			objects.add(deployment(spec, roleArn, settings));
		}
		return objects;
	}

	static Namespace namespace(AppSpec spec) {
		return Workloads.restrictedNamespace(namespace(spec.name()));
	}

	static ServiceAccount serviceAccount(AppSpec spec, String roleArn) {
		ServiceAccountBuilder account = new ServiceAccountBuilder().withNewMetadata()
			.withName(WorkloadIdentities.APP_SERVICE_ACCOUNT)
			.withNamespace(namespace(spec.name()))
			.endMetadata();
		if (roleArn != null) {
			account.editMetadata().addToAnnotations(ROLE_ANNOTATION, roleArn).endMetadata();
		}
		return account.build();
	}

	static NetworkPolicy denyAll(AppSpec spec) {
		return Workloads.denyAllIngress(namespace(spec.name()), "default-deny");
	}

	static NetworkPolicy admitIngressController(AppSpec spec, Settings settings) {
		return Workloads.admitIngressController(namespace(spec.name()), "admit-ingress-controller",
				Map.of(APP_LABEL, spec.name()), settings.ingressControllerNamespace(), settings.containerPort());
	}

	static Secret secret(AppSpec spec) {
		Map<String, String> data = new TreeMap<>();
		spec.secrets()
			.forEach((name, value) -> data.put(name,
					Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
		return new SecretBuilder().withNewMetadata()
			.withName(SECRET)
			.withNamespace(namespace(spec.name()))
			.endMetadata()
			.withType("Opaque")
			.withData(data)
			.build();
	}

	/**
	 * The app's Deployment. Its pods carry the IAM role's ARN too: the pod identity
	 * webhook gives a pod its role's credentials only when the pod is created, so a role
	 * that appears or changes must roll the pods, as a changed secret does.
	 */
	static Deployment deployment(AppSpec spec, String roleArn, Settings settings) {
		Map<String, String> podAnnotations = new TreeMap<>();
		podAnnotations.put(SECRETS_CHECKSUM, checksum(spec.secrets()));
		if (roleArn != null) {
			podAnnotations.put(POD_ROLE, roleArn);
		}
		Map<String, String> podLabels = new LinkedHashMap<>();
		podLabels.put(APP_LABEL, spec.name());
		podLabels.put(MANAGED_BY, "analytical-platform");
		podLabels.put(VERSION_LABEL, Integer.toString(spec.version()));
		return new DeploymentBuilder().withNewMetadata()
			.withName(NAME)
			.withNamespace(namespace(spec.name()))
			.addToLabels(VERSION_LABEL, Integer.toString(spec.version()))
			.endMetadata()
			.withNewSpec()
			.withReplicas(1)
			.withRevisionHistoryLimit(3)
			.withProgressDeadlineSeconds(300)
			.withNewSelector()
			.addToMatchLabels(APP_LABEL, spec.name())
			.endSelector()
			.withNewStrategy()
			.withType("RollingUpdate")
			.withNewRollingUpdate()
			.withMaxUnavailable(new IntOrString(0))
			.withMaxSurge(new IntOrString(1))
			.endRollingUpdate()
			.endStrategy()
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(podLabels)
			.withAnnotations(podAnnotations)
			.endMetadata()
			.withNewSpec()
			.withServiceAccountName(WorkloadIdentities.APP_SERVICE_ACCOUNT)
			.withEnableServiceLinks(false)
			.withSecurityContext(Workloads.restrictedPod(1000L, 1000L, 1000L))
			.addNewContainer()
			.withName(NAME)
			.withImage(spec.image())
			.withImagePullPolicy("IfNotPresent")
			.addNewPort()
			.withName("http")
			.withContainerPort(settings.containerPort())
			.withProtocol("TCP")
			.endPort()
			.withEnv(environment(spec))
			.addNewEnvFrom()
			.withNewSecretRef()
			.withName(SECRET)
			.endSecretRef()
			.endEnvFrom()
			.withNewReadinessProbe()
			.withNewTcpSocket()
			.withPort(new IntOrString("http"))
			.endTcpSocket()
			.withPeriodSeconds(5)
			.withFailureThreshold(3)
			.endReadinessProbe()
			.withNewResources()
			.addToRequests("cpu", new Quantity(settings.cpuRequest()))
			.addToRequests("memory", new Quantity(settings.memoryRequest()))
			.addToLimits("cpu", new Quantity(settings.cpuLimit()))
			.addToLimits("memory", new Quantity(settings.memoryLimit()))
			.endResources()
			.withSecurityContext(Workloads.restrictedContainer().withReadOnlyRootFilesystem(true).build())
			.addNewVolumeMount()
			.withName("tmp")
			.withMountPath("/tmp")
			.endVolumeMount()
			.endContainer()
			.addNewVolume()
			.withName("tmp")
			.withNewEmptyDir()
			.endEmptyDir()
			.endVolume()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	static Service service(AppSpec spec, Settings settings) {
		return new ServiceBuilder().withNewMetadata()
			.withName(NAME)
			.withNamespace(namespace(spec.name()))
			.endMetadata()
			.withNewSpec()
			.withType("ClusterIP")
			.addToSelector(APP_LABEL, spec.name())
			.addNewPort()
			.withName("http")
			.withPort(80)
			.withProtocol("TCP")
			.withTargetPort(new IntOrString("http"))
			.endPort()
			.endSpec()
			.build();
	}

	static Ingress ingress(AppSpec spec, Settings settings) {
		String host = spec.name() + "." + settings.domain();
		Map<String, String> annotations = new TreeMap<>(settings.ingressAnnotations());
		annotations.put("nginx.ingress.kubernetes.io/auth-url", settings.authUrl());
		annotations.put("nginx.ingress.kubernetes.io/auth-signin", settings.signInUrl());
		annotations.put("nginx.ingress.kubernetes.io/auth-response-headers",
				"X-Auth-Request-User,X-Auth-Request-Email");
		return new IngressBuilder().withNewMetadata()
			.withName(NAME)
			.withNamespace(namespace(spec.name()))
			.withAnnotations(annotations)
			.endMetadata()
			.withNewSpec()
			.withIngressClassName(settings.ingressClass())
			.addNewRule()
			.withHost(host)
			.withNewHttp()
			.addNewPath()
			.withPath("/")
			.withPathType("Prefix")
			.withNewBackend()
			.withNewService()
			.withName(NAME)
			.withNewPort()
			.withName("http")
			.endPort()
			.endService()
			.endBackend()
			.endPath()
			.endHttp()
			.endRule()
			.endSpec()
			.build();
	}

	private static List<EnvVar> environment(AppSpec spec) {
		return new TreeMap<>(spec.environment()).entrySet()
			.stream()
			.map((entry) -> new EnvVarBuilder().withName(entry.getKey()).withValue(entry.getValue()).build())
			.toList();
	}

	/** Changes when a secret does, so that pods restart with the new values. */
	private static String checksum(Map<String, String> secrets) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			new TreeMap<>(secrets).forEach((name, value) -> {
				digest.update(name.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
				digest.update(value.getBytes(StandardCharsets.UTF_8));
				digest.update((byte) 0);
			});
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

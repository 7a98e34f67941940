package uk.gov.analyticalplatform.toollauncher.internal.manifests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LimitRange;
import io.fabric8.kubernetes.api.model.LimitRangeBuilder;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ResourceQuota;
import io.fabric8.kubernetes.api.model.ResourceQuotaBuilder;
import io.fabric8.kubernetes.api.model.ResourceRequirements;
import io.fabric8.kubernetes.api.model.ResourceRequirementsBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;

import uk.gov.analyticalplatform.kubernetes.Workloads;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;

/**
 * The Kubernetes objects of users' tools, built by pure functions (no I/O): a user's
 * namespace with its quota, limits, service account and default-deny network policy, and
 * each instance's home volume, Deployment, Service and Ingress. The adapter applies them
 * with the owner labels ({@link #USER_LABEL}, {@link #INSTANCE_LABEL}); the pods carry
 * the instance label too, so that watching them finds the instance.
 */
public final class ToolManifests {

	/** The owner label of a user's namespace-wide objects: the user's id. */
	public static final String USER_LABEL = "analytical-platform.uk/tool-user";

	/** The owner label of an instance's objects and pods: the instance's id. */
	public static final String INSTANCE_LABEL = "analytical-platform.uk/tool-instance";

	/** The tool's label on an instance's objects and pods. */
	public static final String TOOL_LABEL = "analytical-platform.uk/tool";

	/** Where the pod template counts restarts: a change rolls the pod. */
	public static final String RESTARTS_ANNOTATION = "analytical-platform.uk/restarts";

	/** The annotation that gives a service account its IAM role (IRSA). */
	public static final String IRSA_ANNOTATION = Workloads.IRSA_ROLE_ANNOTATION;

	/** The user every tool runs as (jovyan, rstudio and coder are uid 1000). */
	static final long TOOL_UID = 1000L;

	private ToolManifests() {
	}

	/**
	 * The user's namespace and what it needs whichever tools run in it, in apply order.
	 */
	public static List<HasMetadata> userObjects(DesiredUser user, ToolSettings settings) {
		return List.of(namespace(user), quota(user, settings), limits(user), serviceAccount(user, settings),
				networkPolicy(user, settings));
	}

	/**
	 * The instance's objects, in apply order: home volume, Deployment, Service, Ingress.
	 */
	public static List<HasMetadata> instanceObjects(DesiredInstance instance, ToolSettings settings) {
		// the Deployment last: its pod can be Ready (and the tool shown READY) only once
		// the Service and Ingress that reach it exist; the home volume first (reset keeps
		// it)
		return List.of(home(instance, settings), service(instance), ingress(instance, settings),
				deployment(instance, settings));
	}

	/** The kinds {@link #userObjects} makes, for pruning. */
	public static List<Class<? extends HasMetadata>> userKinds() {
		return List.of(Namespace.class, ResourceQuota.class, LimitRange.class, ServiceAccount.class,
				NetworkPolicy.class);
	}

	/** The kinds {@link #instanceObjects} makes besides the home volume, for pruning. */
	public static List<Class<? extends HasMetadata>> workloadKinds() {
		return List.of(Deployment.class, Service.class, Ingress.class);
	}

	/** The kinds {@link #instanceObjects} makes, for pruning. */
	public static List<Class<? extends HasMetadata>> instanceKinds() {
		return List.of(PersistentVolumeClaim.class, Deployment.class, Service.class, Ingress.class);
	}

	/** The name of the instance's objects in the user's namespace: the tool's slug. */
	public static String name(Tool tool) {
		return tool.slug();
	}

	/** The name of the instance's home volume. */
	public static String homeName(Tool tool) {
		return "home-" + tool.slug();
	}

	/** Where the tool's image keeps its user's home. */
	public static String homePath(Tool tool) {
		return switch (tool) {
			case JUPYTERLAB -> "/home/jovyan";
			case RSTUDIO -> "/home/rstudio";
			case VSCODE -> "/home/coder";
		};
	}

	static Namespace namespace(DesiredUser user) {
		return Workloads.restrictedNamespace(user.namespace());
	}

	static ResourceQuota quota(DesiredUser user, ToolSettings settings) {
		Map<String, Quantity> hard = new LinkedHashMap<>();
		settings.quota().forEach((resource, amount) -> hard.put(resource, new Quantity(amount)));
		return new ResourceQuotaBuilder().withNewMetadata()
			.withName("tools")
			.withNamespace(user.namespace())
			.endMetadata()
			.withNewSpec()
			.withHard(hard)
			.endSpec()
			.build();
	}

	static LimitRange limits(DesiredUser user) {
		return new LimitRangeBuilder().withNewMetadata()
			.withName("tools")
			.withNamespace(user.namespace())
			.endMetadata()
			.withNewSpec()
			.addNewLimit()
			.withType("Container")
			.withDefault(Map.of("cpu", new Quantity("1"), "memory", new Quantity("2Gi")))
			.withDefaultRequest(Map.of("cpu", new Quantity("100m"), "memory", new Quantity("256Mi")))
			.endLimit()
			.endSpec()
			.build();
	}

	static ServiceAccount serviceAccount(DesiredUser user, ToolSettings settings) {
		ServiceAccountBuilder account = new ServiceAccountBuilder().withNewMetadata()
			.withName(settings.serviceAccount())
			.withNamespace(user.namespace())
			.endMetadata()
			.withAutomountServiceAccountToken(false);
		if (user.roleArn() != null) {
			account.editMetadata().addToAnnotations(IRSA_ANNOTATION, user.roleArn()).endMetadata();
		}
		return account.build();
	}

	/** Denies every ingress but from the ingress controller's namespace. */
	static NetworkPolicy networkPolicy(DesiredUser user, ToolSettings settings) {
		return Workloads.admitIngressController(user.namespace(), "default-deny-except-ingress", Map.of(),
				settings.ingressControllerNamespace(), null);
	}

	static PersistentVolumeClaim home(DesiredInstance instance, ToolSettings settings) {
		return new PersistentVolumeClaimBuilder().withNewMetadata()
			.withName(homeName(instance.tool()))
			.withNamespace(instance.namespace())
			.addToLabels(TOOL_LABEL, instance.tool().slug())
			.endMetadata()
			.withNewSpec()
			.withAccessModes("ReadWriteOnce")
			.withStorageClassName(settings.storageClassName())
			.withNewResources()
			.addToRequests("storage", new Quantity(settings.homeSize()))
			.endResources()
			.endSpec()
			.build();
	}

	static Deployment deployment(DesiredInstance instance, ToolSettings settings) {
		Map<String, String> podLabels = Map.of(INSTANCE_LABEL, instance.id().toString(), TOOL_LABEL,
				instance.tool().slug(), "app.kubernetes.io/managed-by", "analytical-platform");
		Map<String, String> podAnnotations = new LinkedHashMap<>();
		podAnnotations.put(RESTARTS_ANNOTATION, Integer.toString(instance.restarts()));
		if (instance.podRoleArn() != null) {
			podAnnotations.put(Workloads.POD_ROLE_ANNOTATION, instance.podRoleArn());
		}
		return new DeploymentBuilder().withNewMetadata()
			.withName(name(instance.tool()))
			.withNamespace(instance.namespace())
			.addToLabels(TOOL_LABEL, instance.tool().slug())
			.endMetadata()
			.withNewSpec()
			.withReplicas(instance.running() ? 1 : 0)
			.withNewStrategy()
			// one home volume, mounted by one pod at a time
			.withType("Recreate")
			.endStrategy()
			.withNewSelector()
			.addToMatchLabels(INSTANCE_LABEL, instance.id().toString())
			.endSelector()
			.withNewTemplate()
			.withNewMetadata()
			.withLabels(podLabels)
			.withAnnotations(podAnnotations)
			.endMetadata()
			.withNewSpec()
			.withServiceAccountName(settings.serviceAccount())
			.withEnableServiceLinks(false)
			.withSecurityContext(
					Workloads.restrictedPod(TOOL_UID, null, (instance.tool() == Tool.JUPYTERLAB) ? 100L : TOOL_UID))
			.addNewContainer()
			.withName(instance.tool().slug())
			.withImage(instance.image())
			.withArgs(instance.args())
			.addNewPort()
			.withName("http")
			.withContainerPort(instance.port())
			.endPort()
			.withResources(resources(instance.profile()))
			.withNewReadinessProbe()
			.withNewHttpGet()
			.withPath(instance.readinessPath())
			.withPort(new IntOrString("http"))
			.endHttpGet()
			.withPeriodSeconds(5)
			.withFailureThreshold(3)
			.endReadinessProbe()
			.withSecurityContext(Workloads.restrictedContainer()
				.withRunAsNonRoot(true)
				.withNewSeccompProfile()
				.withType("RuntimeDefault")
				.endSeccompProfile()
				.build())
			.addNewVolumeMount()
			.withName("home")
			.withMountPath(homePath(instance.tool()))
			.endVolumeMount()
			.endContainer()
			.addNewVolume()
			.withName("home")
			.withNewPersistentVolumeClaim()
			.withClaimName(homeName(instance.tool()))
			.endPersistentVolumeClaim()
			.endVolume()
			.endSpec()
			.endTemplate()
			.endSpec()
			.build();
	}

	static ResourceRequirements resources(ResourceProfile profile) {
		return new ResourceRequirementsBuilder().addToRequests("cpu", new Quantity(profile.cpuRequestMilli() + "m"))
			.addToRequests("memory", new Quantity(profile.memoryRequestMib() + "Mi"))
			.addToLimits("cpu", new Quantity(profile.cpuLimitMilli() + "m"))
			.addToLimits("memory", new Quantity(profile.memoryLimitMib() + "Mi"))
			.build();
	}

	static Service service(DesiredInstance instance) {
		return new ServiceBuilder().withNewMetadata()
			.withName(name(instance.tool()))
			.withNamespace(instance.namespace())
			.addToLabels(TOOL_LABEL, instance.tool().slug())
			.endMetadata()
			.withNewSpec()
			.withType("ClusterIP")
			.withClusterIP("None")
			.addToSelector(INSTANCE_LABEL, instance.id().toString())
			.addNewPort()
			.withName("http")
			.withPort(80)
			.withTargetPort(new IntOrString("http"))
			.endPort()
			.endSpec()
			.build();
	}

	static Ingress ingress(DesiredInstance instance, ToolSettings settings) {
		Map<String, String> annotations = new LinkedHashMap<>(settings.ingressAnnotations());
		annotations.putAll(settings.authAnnotations());
		return new IngressBuilder().withNewMetadata()
			.withName(name(instance.tool()))
			.withNamespace(instance.namespace())
			.addToLabels(TOOL_LABEL, instance.tool().slug())
			.withAnnotations(annotations)
			.endMetadata()
			.withNewSpec()
			.withIngressClassName(settings.ingressClassName())
			.addNewRule()
			.withHost(host(instance.hostLabel(), settings))
			.withNewHttp()
			.addNewPath()
			.withPath("/")
			.withPathType("Prefix")
			.withNewBackend()
			.withNewService()
			.withName(name(instance.tool()))
			.withNewPort()
			.withNumber(80)
			.endPort()
			.endService()
			.endBackend()
			.endPath()
			.endHttp()
			.endRule()
			.endSpec()
			.build();
	}

	/** The instance's host: {@code <host label>.<domain>}. */
	public static String host(String hostLabel, ToolSettings settings) {
		return hostLabel + "." + settings.domain();
	}

}

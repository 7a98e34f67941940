package uk.gov.analyticalplatform.kubernetes;

import java.util.Map;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.PodSecurityContextBuilder;
import io.fabric8.kubernetes.api.model.SecurityContextBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRuleBuilder;

/**
 * Pure builders (no I/O) of what every workload the platform runs for its users shares,
 * whether an analyst's tool or a deployed app: a namespace that enforces the
 * {@code restricted} Pod Security Standard, the pod and container security contexts that
 * standard asks for, and network policies that deny every ingress but the ingress
 * controller's.
 */
public final class Workloads {

	/** The namespace label that makes the API server enforce a Pod Security Standard. */
	public static final String POD_SECURITY_ENFORCE = "pod-security.kubernetes.io/enforce";

	/** The label Kubernetes gives every namespace: its name. */
	public static final String NAMESPACE_NAME = "kubernetes.io/metadata.name";

	/**
	 * The service account annotation that gives its pods an IAM role (EKS's IRSA): the
	 * pod identity webhook reads it when a pod is created, and never again for that pod.
	 */
	public static final String IRSA_ROLE_ANNOTATION = "eks.amazonaws.com/role-arn";

	/**
	 * The pod template annotation that records which IAM role its pods are created with:
	 * since a pod's credentials are fixed at its creation, the role a running pod holds
	 * is the one its template carried, read back from the pod.
	 */
	public static final String POD_ROLE_ANNOTATION = "analytical-platform.uk/iam-role-arn";

	private Workloads() {
	}

	/** A namespace whose pods must meet the {@code restricted} Pod Security Standard. */
	public static Namespace restrictedNamespace(String name) {
		return new NamespaceBuilder().withNewMetadata()
			.withName(name)
			.addToLabels(POD_SECURITY_ENFORCE, "restricted")
			.endMetadata()
			.build();
	}

	/**
	 * A pod that runs as a non-root user, with the runtime's default seccomp profile.
	 * @param user the user id the containers run as
	 * @param group the primary group id, or {@code null} for the image's
	 * @param fsGroup the group that owns mounted volumes
	 */
	public static PodSecurityContext restrictedPod(long user, Long group, long fsGroup) {
		PodSecurityContextBuilder context = new PodSecurityContextBuilder().withRunAsNonRoot(true).withRunAsUser(user);
		if (group != null) {
			context.withRunAsGroup(group);
		}
		return context.withFsGroup(fsGroup)
			.withNewSeccompProfile()
			.withType("RuntimeDefault")
			.endSeccompProfile()
			.build();
	}

	/**
	 * A container that cannot gain privileges and holds no capability; the caller may add
	 * to it (a read-only root file system, say) before building it.
	 */
	public static SecurityContextBuilder restrictedContainer() {
		return new SecurityContextBuilder().withAllowPrivilegeEscalation(false)
			.withNewCapabilities()
			.withDrop("ALL")
			.endCapabilities();
	}

	/** Denies every ingress to every pod of the namespace. */
	public static NetworkPolicy denyAllIngress(String namespace, String name) {
		return new NetworkPolicyBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withNewPodSelector()
			.endPodSelector()
			.withPolicyTypes("Ingress")
			.endSpec()
			.build();
	}

	/**
	 * Admits ingress only from the pods of the ingress controller's namespace, and with
	 * no other policy, denies every other.
	 * @param namespace the namespace of the pods admitted to
	 * @param name the policy's name
	 * @param pods the labels of the pods admitted to; every pod of the namespace when
	 * empty
	 * @param controllerNamespace the ingress controller's namespace
	 * @param port the only TCP port admitted to, or {@code null} for every port
	 */
	public static NetworkPolicy admitIngressController(String namespace, String name, Map<String, String> pods,
			String controllerNamespace, Integer port) {
		NetworkPolicyIngressRuleBuilder rule = new NetworkPolicyIngressRuleBuilder().addNewFrom()
			.withNewNamespaceSelector()
			.addToMatchLabels(NAMESPACE_NAME, controllerNamespace)
			.endNamespaceSelector()
			.endFrom();
		if (port != null) {
			rule.addNewPort().withProtocol("TCP").withPort(new IntOrString(port)).endPort();
		}
		NetworkPolicyBuilder policy = new NetworkPolicyBuilder().withNewMetadata()
			.withName(name)
			.withNamespace(namespace)
			.endMetadata()
			.withNewSpec()
			.withNewPodSelector()
			.endPodSelector()
			.withPolicyTypes("Ingress")
			.withIngress(rule.build())
			.endSpec();
		if (!pods.isEmpty()) {
			policy.editSpec().editPodSelector().addToMatchLabels(pods).endPodSelector().endSpec();
		}
		return policy.build();
	}

}

package uk.gov.analyticalplatform.api.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * Users' workloads on the local cluster as its admin reads them, for tests of what a
 * workload runs with: the IAM role of a service account (IRSA) and of each pod, as its
 * template recorded it when the pod was created.
 */
public final class ClusterWorkloads implements AutoCloseable {

	/** The service account annotation that gives its pods an IAM role. */
	public static final String SA_ROLE = "eks.amazonaws.com/role-arn";

	/** The pod annotation that records the IAM role the pod was created with. */
	public static final String POD_ROLE = "analytical-platform.uk/iam-role-arn";

	private final KubernetesClient admin;

	private ClusterWorkloads(KubernetesClient admin) {
		this.admin = admin;
	}

	/** Connects as the local cluster's admin. */
	public static ClusterWorkloads connect() {
		try {
			return new ClusterWorkloads(new KubernetesClientBuilder()
				.withConfig(Config.fromKubeconfig(Files.readString(Path.of(PlatformServices.get().kubeconfig()))))
				.build());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public KubernetesClient admin() {
		return this.admin;
	}

	/** The IAM role the service account's pods get, or {@code null} for none. */
	public String serviceAccountRole(String namespace, String name) {
		ServiceAccount account = this.admin.serviceAccounts().inNamespace(namespace).withName(name).get();
		Map<String, String> annotations = (account != null) ? account.getMetadata().getAnnotations() : null;
		return (annotations != null) ? annotations.get(SA_ROLE) : null;
	}

	/** The pods of the namespace that are ready and not being deleted. */
	public List<Pod> readyPods(String namespace) {
		return this.admin.pods()
			.inNamespace(namespace)
			.list()
			.getItems()
			.stream()
			.filter((pod) -> pod.getMetadata().getDeletionTimestamp() == null)
			.filter((pod) -> pod.getStatus()
				.getConditions()
				.stream()
				.anyMatch((condition) -> "Ready".equals(condition.getType()) && "True".equals(condition.getStatus())))
			.toList();
	}

	@Override
	public void close() {
		this.admin.close();
	}

}

package uk.gov.analyticalplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * The local cluster's namespaces, read as its administrator: for benchmarks that must
 * wait until the cluster has finished deleting what an earlier round left.
 */
public final class ClusterNamespaces {

	private ClusterNamespaces() {
	}

	/**
	 * How many namespaces that carry the label are being deleted: others (an earlier test
	 * run's, on a cluster shared with the tests) do not load the cluster.
	 */
	public static long terminating(String key, String value) {
		try (KubernetesClient client = new KubernetesClientBuilder()
			.withConfig(Config.fromKubeconfig(Files.readString(Path.of(PlatformServices.get().kubeconfig()))))
			.build()) {
			return client.namespaces()
				.withLabel(key, value)
				.list()
				.getItems()
				.stream()
				.filter((namespace) -> namespace.getMetadata().getDeletionTimestamp() != null)
				.count();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package uk.gov.analyticalplatform.kubernetes.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * The real local cluster of {@code scripts/cluster.sh}, seen by a platform admin, with
 * namespaces of the test's own that are deleted when it closes.
 */
final class LocalCluster implements AutoCloseable {

	private final KubernetesClient admin;

	private final List<String> namespaces = new ArrayList<>();

	LocalCluster() {
		this.admin = new KubernetesClientBuilder().withConfig(config()).build();
	}

	static Config config() {
		try {
			return Config.fromKubeconfig(Files.readString(Path.of(PlatformServices.get().kubeconfig())));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	KubernetesClient admin() {
		return this.admin;
	}

	/** A new, empty namespace of the test's own. */
	String namespace() {
		String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
		this.admin.namespaces()
			.resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build())
			.create();
		this.namespaces.add(name);
		return name;
	}

	/** A name for a namespace the test will create through the code under test. */
	String namespaceName() {
		String name = "t-" + UUID.randomUUID().toString().substring(0, 8);
		this.namespaces.add(name);
		return name;
	}

	@Override
	public void close() {
		for (String namespace : this.namespaces) {
			this.admin.namespaces().withName(namespace).delete();
		}
		this.admin.close();
	}

}

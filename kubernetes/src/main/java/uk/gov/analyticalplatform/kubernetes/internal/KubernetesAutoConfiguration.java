package uk.gov.analyticalplatform.kubernetes.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import uk.gov.analyticalplatform.kubernetes.KubernetesCluster;
import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;
import uk.gov.analyticalplatform.kubernetes.KubernetesProperties;
import uk.gov.analyticalplatform.kubernetes.internal.simulator.ClusterSimulator;

/**
 * One client for the whole application, configured from a kubeconfig, the in-cluster
 * service account or the simulator; everything after that is the same code.
 */
@AutoConfiguration
@EnableConfigurationProperties(KubernetesProperties.class)
public class KubernetesAutoConfiguration {

	@Bean(destroyMethod = "close")
	ClusterConnection kubernetesConnection(KubernetesProperties properties) {
		if (properties.simulator()) {
			ClusterSimulator simulator = ClusterSimulator.start();
			return new ClusterConnection(client(simulator.config(), properties), true, simulator);
		}
		Config config = (properties.kubeconfig() != null && !properties.kubeconfig().isBlank())
				? Config.fromKubeconfig(read(Path.of(properties.kubeconfig()))) : Config.autoConfigure(null);
		return new ClusterConnection(client(config, properties), false, null);
	}

	@Bean
	KubernetesCluster kubernetesCluster(ClusterConnection connection) {
		return new KubernetesCluster(connection.client().getMasterUrl().toString(), connection.simulated());
	}

	@Bean
	KubernetesObjects kubernetesObjects(ClusterConnection connection, KubernetesProperties properties) {
		return new Fabric8Objects(connection.client(), properties.fieldManager());
	}

	private static KubernetesClient client(Config config, KubernetesProperties properties) {
		config.setRequestTimeout((int) properties.requestTimeout().toMillis());
		return new KubernetesClientBuilder().withConfig(config).build();
	}

	private static String read(Path kubeconfig) {
		try {
			return Files.readString(kubeconfig);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read the kubeconfig " + kubeconfig, ex);
		}
	}

}

package uk.gov.analyticalplatform.kubernetes.internal;

import io.fabric8.kubernetes.client.KubernetesClient;

import uk.gov.analyticalplatform.kubernetes.internal.simulator.ClusterSimulator;

/** The application's one client, and the simulator behind it when there is one. */
record ClusterConnection(KubernetesClient client, boolean simulated,
		ClusterSimulator simulator) implements AutoCloseable {

	@Override
	public void close() {
		this.client.close();
		if (this.simulator != null) {
			this.simulator.close();
		}
	}

}

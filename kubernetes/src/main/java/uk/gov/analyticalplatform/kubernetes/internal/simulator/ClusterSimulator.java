package uk.gov.analyticalplatform.kubernetes.internal.simulator;

import java.net.InetAddress;
import java.util.HashMap;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;

/**
 * The local setup's stand-in for a cluster when none is built: fabric8's mock API server
 * in CRUD mode on loopback, which stores objects and serves watches, plus the smallest
 * piece of a kubelet ({@link ReadyWorkloads}) that marks deployments ready. No real pods
 * run. The control plane talks to it through the same client code as to a real cluster.
 */
public final class ClusterSimulator implements AutoCloseable {

	private final KubernetesMockServer server;

	private final KubernetesClient kubelet;

	private final ReadyWorkloads workloads;

	private ClusterSimulator(KubernetesMockServer server) {
		this.server = server;
		this.kubelet = server.createClient();
		this.workloads = ReadyWorkloads.start(this.kubelet);
	}

	/** Starts a simulator on a spare loopback port. */
	public static ClusterSimulator start() {
		KubernetesMockServer server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
				new ApplyingCrudDispatcher(), false);
		server.init(InetAddress.getLoopbackAddress(), 0);
		return new ClusterSimulator(server);
	}

	/** A client configuration that reaches the simulator. */
	public Config config() {
		return this.kubelet.getConfiguration();
	}

	@Override
	public void close() {
		this.workloads.close();
		this.kubelet.close();
		this.server.destroy();
	}

}

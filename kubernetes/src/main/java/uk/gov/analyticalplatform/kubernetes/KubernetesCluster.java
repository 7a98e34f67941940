package uk.gov.analyticalplatform.kubernetes;

/**
 * Which cluster the control plane talks to, for people: the control panel labels the
 * simulator so that nobody mistakes it for a cluster.
 *
 * @param server the API server's URL
 * @param simulated whether it is the in-JVM simulator of the local setup, where objects
 * are stored and deployments are marked ready but no real pods run
 */
public record KubernetesCluster(String server, boolean simulated) {

	/** A short description: the server, or that it is a simulator. */
	public String description() {
		return this.simulated ? "In-JVM Kubernetes simulator: no real pods run"
				: "Kubernetes API server " + this.server;
	}

}

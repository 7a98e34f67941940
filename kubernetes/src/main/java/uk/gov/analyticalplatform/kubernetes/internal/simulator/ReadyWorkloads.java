package uk.gov.analyticalplatform.kubernetes.internal.simulator;

import java.util.Objects;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatusBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

/**
 * Plays kubelet and deployment controller in the simulator: each deployment gets one
 * running, ready pod per wanted replica (zero or one) and a status that says it is
 * available.
 */
final class ReadyWorkloads implements ResourceEventHandler<Deployment>, AutoCloseable {

	private final KubernetesClient client;

	private SharedIndexInformer<Deployment> informer;

	private ReadyWorkloads(KubernetesClient client) {
		this.client = client;
	}

	static ReadyWorkloads start(KubernetesClient client) {
		ReadyWorkloads workloads = new ReadyWorkloads(client);
		workloads.informer = client.apps().deployments().inAnyNamespace().inform(workloads, 0);
		return workloads;
	}

	@Override
	public void onAdd(Deployment deployment) {
		settle(deployment);
	}

	@Override
	public void onUpdate(Deployment before, Deployment after) {
		settle(after);
	}

	@Override
	public void onDelete(Deployment deployment, boolean finalStateUnknown) {
		this.client.pods().inNamespace(deployment.getMetadata().getNamespace()).withName(podName(deployment)).delete();
	}

	private void settle(Deployment deployment) {
		int wanted = Math.min(Objects.requireNonNullElse(deployment.getSpec().getReplicas(), 1), 1);
		String namespace = deployment.getMetadata().getNamespace();
		if (wanted == 0) {
			this.client.pods().inNamespace(namespace).withName(podName(deployment)).delete();
		}
		else if (this.client.pods().inNamespace(namespace).withName(podName(deployment)).get() == null) {
			this.client.pods().inNamespace(namespace).resource(pod(deployment)).create();
		}
		var status = deployment.getStatus();
		if (status == null || !Objects.equals(status.getReadyReplicas(), wanted)
				|| !Objects.equals(status.getObservedGeneration(), deployment.getMetadata().getGeneration())) {
			deployment.setStatus(new DeploymentStatusBuilder().withReplicas(wanted)
				.withReadyReplicas(wanted)
				.withAvailableReplicas(wanted)
				.withUpdatedReplicas(wanted)
				.withObservedGeneration(deployment.getMetadata().getGeneration())
				.build());
			this.client.apps().deployments().inNamespace(namespace).resource(deployment).updateStatus();
		}
	}

	private static Pod pod(Deployment deployment) {
		var template = deployment.getSpec().getTemplate();
		return new PodBuilder().withNewMetadata()
			.withName(podName(deployment))
			.withNamespace(deployment.getMetadata().getNamespace())
			.withLabels(template.getMetadata().getLabels())
			.endMetadata()
			.withSpec(template.getSpec())
			.withNewStatus()
			.withPhase("Running")
			.addNewCondition()
			.withType("Ready")
			.withStatus("True")
			.endCondition()
			.withContainerStatuses(template.getSpec()
				.getContainers()
				.stream()
				.map((container) -> new ContainerStatusBuilder().withName(container.getName())
					.withImage(container.getImage())
					.withReady(true)
					.withStarted(true)
					.withNewState()
					.withNewRunning()
					.endRunning()
					.endState()
					.build())
				.toList())
			.endStatus()
			.build();
	}

	private static String podName(Deployment deployment) {
		return deployment.getMetadata().getName() + "-simulated";
	}

	@Override
	public void close() {
		if (this.informer != null) {
			this.informer.close();
		}
	}

}

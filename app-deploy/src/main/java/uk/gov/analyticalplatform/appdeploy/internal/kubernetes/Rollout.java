package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;

/**
 * How a version's rollout stands, read from the Deployment and the app's pods as the API
 * server holds them: complete (every replica runs the version and is available),
 * progressing, or failed with the reason Kubernetes gives (the image cannot be pulled,
 * the container keeps crashing, the progress deadline passed). Pure: no I/O.
 *
 * @param state the state
 * @param reason why it failed, or what it waits for
 */
public record Rollout(State state, String reason) {

	/** Waiting reasons that do not go away by waiting. */
	static final Set<String> STUCK = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName", "CrashLoopBackOff",
			"CreateContainerConfigError", "CreateContainerError", "RunContainerError");

	/** Where a rollout stands. */
	public enum State {

		COMPLETE, PROGRESSING, FAILED

	}

	/**
	 * @param deployment the app's Deployment as stored, or {@code null}
	 * @param pods the app's pods
	 * @param version the version that should be rolling out
	 */
	public static Rollout of(Deployment deployment, List<Pod> pods, int version) {
		if (deployment == null) {
			return new Rollout(State.PROGRESSING, "the Deployment is not stored yet");
		}
		String wanted = Integer.toString(version);
		for (Pod pod : pods) {
			if (wanted.equals(pod.getMetadata().getLabels().get(AppManifests.VERSION_LABEL))
					&& pod.getMetadata().getDeletionTimestamp() == null) {
				String stuck = stuck(pod);
				if (stuck != null) {
					return failed(version, stuck);
				}
			}
		}
		DeploymentStatus status = deployment.getStatus();
		if (status == null) {
			return new Rollout(State.PROGRESSING, "the Deployment has no status yet");
		}
		for (DeploymentCondition condition : safe(status.getConditions())) {
			boolean stalled = "Progressing".equals(condition.getType()) && "False".equals(condition.getStatus());
			boolean refused = "ReplicaFailure".equals(condition.getType()) && "True".equals(condition.getStatus());
			if (stalled || refused) {
				return failed(version, condition.getReason() + ": " + condition.getMessage());
			}
		}
		int replicas = deployment.getSpec().getReplicas();
		boolean observed = status.getObservedGeneration() != null
				&& status.getObservedGeneration() >= deployment.getMetadata().getGeneration();
		if (observed && count(status.getUpdatedReplicas()) == replicas && count(status.getReplicas()) == replicas
				&& count(status.getAvailableReplicas()) >= replicas) {
			return new Rollout(State.COMPLETE, null);
		}
		return new Rollout(State.PROGRESSING, "version " + version + ": " + count(status.getUpdatedReplicas()) + " of "
				+ replicas + " replicas updated, " + count(status.getAvailableReplicas()) + " available");
	}

	private static Rollout failed(int version, String reason) {
		return new Rollout(State.FAILED, "version " + version + " cannot start: " + reason);
	}

	private static String stuck(Pod pod) {
		if (pod.getStatus() == null) {
			return null;
		}
		for (ContainerStatus container : safe(pod.getStatus().getContainerStatuses())) {
			ContainerStateWaiting waiting = (container.getState() != null) ? container.getState().getWaiting() : null;
			if (waiting != null && STUCK.contains(waiting.getReason())) {
				return waiting.getReason() + describe(waiting.getMessage());
			}
			ContainerStateTerminated terminated = (container.getState() != null) ? container.getState().getTerminated()
					: null;
			if (terminated != null && !Objects.equals(terminated.getExitCode(), 0)) {
				return "the container exited with code " + terminated.getExitCode() + describe(terminated.getReason());
			}
		}
		return null;
	}

	private static String describe(String message) {
		return (message != null && !message.isBlank()) ? " (" + message + ")" : "";
	}

	private static int count(Integer value) {
		return (value != null) ? value : 0;
	}

	private static <T> List<T> safe(List<T> list) {
		return (list != null) ? list : List.of();
	}

}

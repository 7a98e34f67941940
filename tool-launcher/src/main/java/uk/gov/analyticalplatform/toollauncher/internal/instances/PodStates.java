package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStateWaiting;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;

import uk.gov.analyticalplatform.kubernetes.Workloads;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;

/**
 * What an instance's pods say it is doing, read without I/O from the pods the API server
 * holds: the phase, the current step while starting, and a specific reason for a failure
 * (the image that cannot be pulled, why it cannot be scheduled, the exit code of a
 * crashing container).
 */
final class PodStates {

	private PodStates() {
	}

	/**
	 * What the instance's pods say.
	 * @param pods the instance's pods
	 * @param wantRunning whether a pod should run
	 */
	static Observation of(List<Pod> pods, boolean wantRunning) {
		Optional<Pod> current = current(pods);
		if (!wantRunning) {
			return pods.isEmpty() ? new Observation(InstancePhase.STOPPED, null, null, null)
					: new Observation(InstancePhase.STOPPING, "Stopping the pod", null, null);
		}
		if (current.isEmpty()) {
			return new Observation(InstancePhase.CREATING, "Creating the pod", null, null);
		}
		return running(current.get());
	}

	/**
	 * The IAM role the current pod was created with, as its template recorded it
	 * ({@link Workloads#POD_ROLE_ANNOTATION}: empty for none), or {@code null} without a
	 * pod or when its template recorded none.
	 */
	static String role(List<Pod> pods) {
		return current(pods).map((pod) -> pod.getMetadata().getAnnotations())
			.map((annotations) -> annotations.get(Workloads.POD_ROLE_ANNOTATION))
			.orElse(null);
	}

	/** The newest pod not being deleted. */
	private static Optional<Pod> current(List<Pod> pods) {
		return pods.stream()
			.filter((pod) -> pod.getMetadata().getDeletionTimestamp() == null)
			.max(Comparator.comparing((Pod pod) -> pod.getMetadata().getCreationTimestamp()));
	}

	private static Observation running(Pod pod) {
		String image = pod.getSpec().getContainers().get(0).getImage();
		Optional<PodCondition> scheduled = condition(pod, "PodScheduled");
		if (scheduled.isEmpty() || !"True".equals(scheduled.get().getStatus())) {
			if (scheduled.isPresent() && waitingForVolume(scheduled.get().getMessage())) {
				return new Observation(InstancePhase.STARTING, "Waiting for the home volume", null, image);
			}
			if (scheduled.isPresent() && "Unschedulable".equals(scheduled.get().getReason())) {
				return failed("Unschedulable: " + unschedulable(scheduled.get().getMessage()), image);
			}
			return new Observation(InstancePhase.STARTING, "Waiting to be scheduled", null, image);
		}
		ContainerStatus container = (pod.getStatus().getContainerStatuses() != null
				&& !pod.getStatus().getContainerStatuses().isEmpty()) ? pod.getStatus().getContainerStatuses().get(0)
						: null;
		if (container == null || container.getState() == null) {
			return new Observation(InstancePhase.STARTING, "Scheduled; pulling the image", null, image);
		}
		ContainerStateWaiting waiting = container.getState().getWaiting();
		if (waiting != null) {
			return waiting(waiting, container, image);
		}
		if (container.getState().getRunning() != null) {
			return Boolean.TRUE.equals(container.getReady()) ? new Observation(InstancePhase.READY, null, null, image)
					: new Observation(InstancePhase.STARTING, "Started; waiting for the tool to answer", null, image);
		}
		ContainerStateTerminated terminated = container.getState().getTerminated();
		return failed("Exited with code " + ((terminated != null) ? terminated.getExitCode() : "unknown"), image);
	}

	private static Observation waiting(ContainerStateWaiting waiting, ContainerStatus container, String image) {
		String reason = String.valueOf(waiting.getReason());
		return switch (reason) {
			case "ErrImagePull", "ImagePullBackOff", "InvalidImageName" -> failed(reason + ": cannot pull " + image
					+ ((waiting.getMessage() != null) ? " (" + waiting.getMessage() + ")" : ""), image);
			case "CrashLoopBackOff" ->
				failed("CrashLoopBackOff: the tool exited with code " + lastExitCode(container), image);
			case "CreateContainerConfigError", "CreateContainerError" ->
				failed(reason + ": " + waiting.getMessage(), image);
			default -> new Observation(InstancePhase.STARTING, "Scheduled; pulling the image", null, image);
		};
	}

	/**
	 * Whether the scheduler is only waiting for the home volume to be bound: it will be.
	 */
	private static boolean waitingForVolume(String message) {
		return message != null && (message.contains("unbound immediate PersistentVolumeClaims")
				|| message.contains("bound to non-existent persistentvolume"));
	}

	private static String lastExitCode(ContainerStatus container) {
		if (container.getLastState() != null && container.getLastState().getTerminated() != null) {
			return String.valueOf(container.getLastState().getTerminated().getExitCode());
		}
		return "unknown";
	}

	/**
	 * The scheduler's message, short: "0/1 nodes are available: 1 Insufficient memory."
	 */
	private static String unschedulable(String message) {
		if (message == null) {
			return "no node fits";
		}
		if (message.contains("Insufficient memory")) {
			return "insufficient memory";
		}
		if (message.contains("Insufficient cpu")) {
			return "insufficient CPU";
		}
		return message;
	}

	private static Optional<PodCondition> condition(Pod pod, String type) {
		if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
			return Optional.empty();
		}
		return pod.getStatus().getConditions().stream().filter((c) -> type.equals(c.getType())).findFirst();
	}

	private static Observation failed(String reason, String image) {
		return new Observation(InstancePhase.FAILED, null, reason, image);
	}

	/**
	 * What the pods say.
	 *
	 * @param phase the phase
	 * @param step the step while starting or stopping, or {@code null}
	 * @param reason why it failed, or {@code null}
	 * @param image the image the pod runs, or {@code null} without a pod
	 */
	record Observation(InstancePhase phase, String step, String reason, String image) {

	}

}

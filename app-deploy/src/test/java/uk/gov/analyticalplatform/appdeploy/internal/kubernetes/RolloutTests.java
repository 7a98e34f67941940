package uk.gov.analyticalplatform.appdeploy.internal.kubernetes;

import java.util.List;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.appdeploy.internal.kubernetes.Rollout.State;

import static org.assertj.core.api.Assertions.assertThat;

class RolloutTests {

	@Test
	void aRolloutIsCompleteWhenEveryReplicaRunsTheVersionAndIsAvailable() {
		assertThat(Rollout.of(deployment(2, 2, 1, 1, 1, 1), List.of(), 3).state()).isEqualTo(State.COMPLETE);
	}

	@Test
	void aRolloutIsProgressingWhileTheOldReplicaIsStillThereOrTheControllerHasNotSeenTheChange() {
		assertThat(Rollout.of(deployment(2, 2, 2, 1, 1, 1), List.of(), 3).state()).isEqualTo(State.PROGRESSING);
		assertThat(Rollout.of(deployment(3, 2, 1, 1, 1, 1), List.of(), 3).state()).isEqualTo(State.PROGRESSING);
		assertThat(Rollout.of(null, List.of(), 3).state()).isEqualTo(State.PROGRESSING);
	}

	@Test
	void aPodOfTheNewVersionThatCannotPullItsImageFailsTheRolloutWithKubernetesReason() {
		Rollout rollout = Rollout.of(deployment(2, 2, 2, 1, 1, 1),
				List.of(waiting("3", "ImagePullBackOff", "Back-off pulling image \"ghcr.io/moj/app:missing\""),
						waiting("2", null, null)),
				3);
		assertThat(rollout.state()).isEqualTo(State.FAILED);
		assertThat(rollout.reason())
			.isEqualTo("version 3 cannot start: ImagePullBackOff (Back-off pulling image \"ghcr.io/moj/app:missing\")");
	}

	@Test
	void aStuckPodOfAnOlderVersionDoesNotFailTheNewRollout() {
		assertThat(Rollout.of(deployment(2, 2, 1, 1, 1, 1), List.of(waiting("2", "CrashLoopBackOff", "")), 3).state())
			.isEqualTo(State.COMPLETE);
	}

	@Test
	void aPassedProgressDeadlineFailsTheRollout() {
		Deployment deployment = new DeploymentBuilder(deployment(2, 2, 2, 1, 1, 1)).editStatus()
			.addNewCondition()
			.withType("Progressing")
			.withStatus("False")
			.withReason("ProgressDeadlineExceeded")
			.withMessage("ReplicaSet \"app-7d\" has timed out progressing.")
			.endCondition()
			.endStatus()
			.build();
		assertThat(Rollout.of(deployment, List.of(), 3).reason()).isEqualTo(
				"version 3 cannot start: ProgressDeadlineExceeded: ReplicaSet \"app-7d\" has timed out progressing.");
	}

	@Test
	void aPodThatCannotBeCreatedFailsTheRollout() {
		Deployment deployment = new DeploymentBuilder(deployment(2, 2, 1, 0, 1, 1)).editStatus()
			.addNewCondition()
			.withType("ReplicaFailure")
			.withStatus("True")
			.withReason("FailedCreate")
			.withMessage("pods \"app-7d-x\" is forbidden: exceeded quota: pods")
			.endCondition()
			.endStatus()
			.build();
		assertThat(Rollout.of(deployment, List.of(), 3).reason())
			.isEqualTo("version 3 cannot start: FailedCreate: pods \"app-7d-x\" is forbidden: exceeded quota: pods");
	}

	private static Deployment deployment(long generation, long observed, int replicas, int updated, int available,
			int wanted) {
		return new DeploymentBuilder().withNewMetadata()
			.withName("app")
			.withGeneration(generation)
			.endMetadata()
			.withNewSpec()
			.withReplicas(wanted)
			.endSpec()
			.withNewStatus()
			.withObservedGeneration(observed)
			.withReplicas(replicas)
			.withUpdatedReplicas(updated)
			.withAvailableReplicas(available)
			.endStatus()
			.build();
	}

	private static Pod waiting(String version, String reason, String message) {
		PodBuilder pod = new PodBuilder().withNewMetadata()
			.withName("app-" + version)
			.addToLabels(AppManifests.VERSION_LABEL, version)
			.endMetadata();
		if (reason != null) {
			pod.withNewStatus()
				.addNewContainerStatus()
				.withName("app")
				.withNewState()
				.withNewWaiting()
				.withReason(reason)
				.withMessage(message)
				.endWaiting()
				.endState()
				.endContainerStatus()
				.endStatus();
		}
		return pod.build();
	}

}

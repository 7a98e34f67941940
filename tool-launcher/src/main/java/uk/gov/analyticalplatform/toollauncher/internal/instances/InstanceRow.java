package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Instant;
import java.util.UUID;

import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance.Wanted;

/**
 * One row of {@code tool_instances}: desired, observed and the kernel's status.
 *
 * @param roleArn the owner's IAM role as last applied to their service account, or
 * {@code null} for none
 * @param podRoleArn the role the pod template records ({@code ""} for none), or
 * {@code null} for a template that records none
 * @param podRoleRenew whether the next apply gives the pod template the owner's current
 * role (a change that makes a new pod anyway asked for it)
 * @param runningRoleArn the role the running pod records ({@code ""} for none), or
 * {@code null} when unknown
 */
record InstanceRow(UUID id, UUID userId, String username, String namespace, String hostLabel, Tool tool, UUID releaseId,
		String profile, Wanted desired, boolean deleteHome, int restarts, int resets, int appliedResets,
		Instant startRequestedAt, Instant admittedAt, InstancePhase phase, String step, String phaseReason,
		Instant phaseSince, String observedImage, Instant lastActivityAt, Instant idledAt, Instant createdAt,
		String roleArn, String podRoleArn, boolean podRoleRenew, String runningRoleArn, StatusRow<UUID> status) {

	boolean wantsRunning() {
		return this.desired == Wanted.RUNNING;
	}

	/**
	 * Whether the tool runs, ready, with another IAM role than its owner has now: their
	 * data access changed since its pod was created (EKS fixed the pod's credentials
	 * then), and a restart gives the tool the new access. Unknown (a pod whose template
	 * recorded no role) counts as unchanged.
	 */
	boolean dataAccessChanged() {
		return wantsRunning() && this.phase == InstancePhase.READY && this.runningRoleArn != null
				&& !this.runningRoleArn.equals((this.roleArn != null) ? this.roleArn : "");
	}

}

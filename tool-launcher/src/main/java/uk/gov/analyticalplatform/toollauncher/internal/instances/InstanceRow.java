package uk.gov.analyticalplatform.toollauncher.internal.instances;

import java.time.Instant;
import java.util.UUID;

import uk.gov.analyticalplatform.reconcile.StatusRow;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance.Wanted;

/** One row of {@code tool_instances}: desired, observed and the kernel's status. */
record InstanceRow(UUID id, UUID userId, String username, String namespace, String hostLabel, Tool tool, UUID releaseId,
		String profile, Wanted desired, boolean deleteHome, int restarts, int resets, int appliedResets,
		Instant startRequestedAt, Instant admittedAt, InstancePhase phase, String step, String phaseReason,
		Instant phaseSince, String observedImage, Instant lastActivityAt, Instant idledAt, Instant createdAt,
		StatusRow<UUID> status) {

	boolean wantsRunning() {
		return this.desired == Wanted.RUNNING;
	}

}

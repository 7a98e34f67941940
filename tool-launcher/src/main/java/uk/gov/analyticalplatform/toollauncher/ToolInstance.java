package uk.gov.analyticalplatform.toollauncher;

import java.time.Instant;
import java.util.UUID;

import uk.gov.analyticalplatform.reconcile.ApplyStatus;

/**
 * One user's instance of one tool: what they asked for and what the cluster runs.
 *
 * @param id its id
 * @param userId the owner
 * @param username the owner's username
 * @param tool the tool
 * @param release the release asked for
 * @param profile the resource profile asked for
 * @param url where the tool is served
 * @param wanted whether the owner wants it running, stopped or deleted
 * @param phase what it is doing
 * @param step the current step while starting (scheduled, pulling image, started), or
 * {@code null}
 * @param reason why it failed, or {@code null}
 * @param since when the phase began
 * @param observedImage the image the cluster runs, read back, or {@code null}
 * @param lastActivityAt the last request through the gate, or {@code null}
 * @param idlesAt when it will be stopped for idleness if nobody uses it, or {@code null}
 * when not running
 * @param queuePosition its place in the queue of starts (1 = next), or 0 when not queued
 * @param startRequestedAt when its latest start (or restart, reset, wake) was asked for
 * @param createdAt when the owner first created it (its age; a reset or a switch keeps
 * it)
 * @param dataAccessChanged whether it runs, ready, with other data access than its owner
 * has now: their IAM role appeared, changed or went after its pod was created (a pod's
 * AWS credentials are fixed then), so a restart gives it their current data access. It is
 * never restarted for this by itself: that would cut its owner's session
 * @param apply the reconciler's status of its objects
 */
public record ToolInstance(UUID id, UUID userId, String username, Tool tool, ToolRelease release,
		ResourceProfile profile, String url, Wanted wanted, InstancePhase phase, String step, String reason,
		Instant since, String observedImage, Instant lastActivityAt, Instant idlesAt, int queuePosition,
		Instant startRequestedAt, Instant createdAt, boolean dataAccessChanged, ApplyStatus apply) {

	/** What the owner wants. */
	public enum Wanted {

		RUNNING, STOPPED, DELETED

	}

}

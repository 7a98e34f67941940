package uk.gov.analyticalplatform.appdeploy;

import java.time.Instant;

/**
 * How far Kubernetes has caught up with what the owners want.
 *
 * @param state {@code PENDING}, {@code APPLYING} (rolling out), {@code READY} or
 * {@code FAILED}
 * @param reason why the last rollout failed, or {@code null}
 * @param servingVersion the version last seen rolled out and ready, or {@code null}
 * @param appliedAt when Kubernetes last matched, or {@code null}
 */
public record AppStatus(String state, String reason, Integer servingVersion, Instant appliedAt) {

	/** The status of an app whose desired state nothing has applied yet. */
	public static AppStatus pending() {
		return new AppStatus("PENDING", null, null, null);
	}

}

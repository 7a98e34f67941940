package uk.gov.analyticalplatform.dataaccess.internal.status;

import java.time.Instant;

import uk.gov.analyticalplatform.dataaccess.ApplyState;
import uk.gov.analyticalplatform.dataaccess.ApplyStatus;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/**
 * One row of {@code access_roles}.
 *
 * @param user the user
 * @param generation the desired generation
 * @param observedGeneration the generation last applied
 * @param state the state
 * @param reason why it failed
 * @param failures consecutive failures, for backoff
 * @param appliedAt when AWS last matched
 * @param roleArn the role's ARN as last applied, or {@code null}
 * @param appliedPolicies what AWS reported after the last apply, as JSON, or {@code null}
 */
public record RoleStatus(UserRef user, long generation, long observedGeneration, ApplyState state, String reason,
		int failures, Instant appliedAt, String roleArn, String appliedPolicies) {

	public ApplyStatus status() {
		return new ApplyStatus(this.state, this.reason, this.generation, this.observedGeneration, this.appliedAt);
	}

	/**
	 * Whether the last apply matched the current generation, so any difference now is
	 * drift.
	 */
	public boolean believedApplied() {
		return this.observedGeneration >= this.generation && this.state == ApplyState.READY;
	}

}

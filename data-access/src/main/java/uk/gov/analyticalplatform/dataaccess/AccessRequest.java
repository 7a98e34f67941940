package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An access request and, once decided, its decision.
 *
 * @param id its id
 * @param dataset the dataset
 * @param requester who asked
 * @param level the level asked for
 * @param paths the sub-paths or tables asked for, empty for the whole dataset
 * @param justification why
 * @param wantedUntil the wanted end date, or {@code null}
 * @param state where it is
 * @param createdAt when it was made
 * @param decidedBy who decided, withdrew or expired it ({@code null} while pending or for
 * the system)
 * @param decidedAt when, or {@code null} while pending
 * @param decisionReason the reason given
 * @param grantId the grant created by approval, or {@code null}
 */
public record AccessRequest(UUID id, DatasetRef dataset, UserRef requester, AccessLevel level, List<PathAccess> paths,
		String justification, Instant wantedUntil, AccessRequestState state, Instant createdAt, UserRef decidedBy,
		Instant decidedAt, String decisionReason, UUID grantId, String app) {

	/**
	 * Whether the request is for an app (one of its owners asked), not for the requester.
	 */
	public boolean forApp() {
		return this.app != null;
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Direct grants and revocations by those who manage a dataset's access, and the access
 * review. A new grant for a principal that already holds one on the dataset replaces it.
 * Each change is audited in its transaction and then applied to AWS by the reconciler.
 */
public interface Grants {

	/**
	 * Grants access.
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 * @throws SelfApprovalForbidden if the caller grants to themselves
	 * @throws InvalidPath if a path is malformed or outside the dataset
	 * @throws InvalidGrant if a path's level exceeds the grant's or the expiry is past
	 * @throws GrantDoesNotFit if a holder's IAM policies would exceed AWS limits
	 */
	Grant grant(Caller caller, NewGrant grant);

	/**
	 * Ends an active grant (idempotent for an already ended one).
	 * @throws GrantNotFound if there is none
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	Grant revoke(Caller caller, UUID grantId, String reason);

	/**
	 * @throws GrantNotFound if there is none
	 */
	Grant get(UUID grantId);

	/**
	 * The active grants on a dataset, oldest first.
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	List<Grant> activeOn(Caller caller, UUID datasetId);

	/**
	 * Every grant ever made on a dataset, active and ended, with group members and the
	 * request's justification: the access review.
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 */
	List<AccessReviewEntry> review(Caller caller, UUID datasetId);

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The request and approval workflow. A decision is taken by a platform admin or someone
 * who manages the dataset's access, never by the requester; when two act at once exactly
 * one decision wins and the other gets {@link RequestAlreadyDecided}. Approval creates
 * the grant in the same transaction as the decision and both audit events.
 */
public interface AccessRequests {

	/**
	 * Asks for access for the caller.
	 * @throws DatasetNotFound if there is no such dataset
	 * @throws InvalidGrant if the justification is blank or the end date is past
	 * @throws InvalidPath if a path is malformed or outside the dataset
	 * @throws DuplicateAccessRequest if the caller already has a pending request for it
	 */
	AccessRequest submit(Caller caller, NewAccessRequest request);

	/**
	 * Asks for access for an app the caller owns: approved, the grant is to the app's
	 * role, which its pods assume. Nobody who owns the app (when asked or when decided)
	 * may decide it.
	 * @throws AppNotOwned if there is no such app or the caller does not own it
	 * @throws DatasetNotFound if there is no such dataset
	 * @throws InvalidGrant if the justification is blank or the end date is past
	 * @throws DuplicateAccessRequest if the app already has a pending request for it
	 */
	AccessRequest submitForApp(Caller caller, String app, NewAccessRequest request);

	/**
	 * Approves a pending request, granting what was asked until the wanted end date.
	 * @throws SelfApprovalForbidden if the caller is the requester
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 * @throws RequestAlreadyDecided if it is no longer pending
	 * @throws GrantDoesNotFit if the requester's IAM policies would exceed AWS limits
	 */
	AccessRequest approve(Caller caller, UUID requestId, String reason);

	/**
	 * Rejects a pending request; a reason is required.
	 * @throws SelfApprovalForbidden if the caller is the requester
	 * @throws PermissionDenied if the caller may not manage the dataset's access
	 * @throws RequestAlreadyDecided if it is no longer pending
	 */
	AccessRequest reject(Caller caller, UUID requestId, String reason);

	/**
	 * Withdraws the caller's own pending request.
	 * @throws PermissionDenied if the caller is not the requester
	 * @throws RequestAlreadyDecided if it is no longer pending
	 */
	AccessRequest withdraw(Caller caller, UUID requestId, String reason);

	/**
	 * A request, for its requester and for those who may decide it.
	 * @throws AccessRequestNotFound if there is none or the caller may not see it
	 */
	AccessRequest get(Caller caller, UUID requestId);

	/** The caller's own requests, newest first. */
	List<AccessRequest> mine(Caller caller);

	/**
	 * The pending requests the caller may decide (every one for a platform admin), oldest
	 * first, excluding the caller's own.
	 */
	List<AccessRequest> awaitingDecision(Caller caller);

	/**
	 * How many requests, across every dataset, have waited longer than {@code age} for a
	 * decision: for monitoring, so it names no one and needs no caller.
	 */
	long pendingLongerThan(Duration age);

}

package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.UUID;

/**
 * Governance of the data analysts bring in: any analyst proposes a dataset; a platform
 * admin or a member of the configured governance group approves or rejects it with a
 * reason, never the proposer (the database refuses it too). Approval creates the dataset
 * (its bucket provisioned by the reconciler like every dataset's, with the retention rule
 * the proposal asked for) and makes the proposer its data admin; proposal, decision,
 * dataset and data admin are audited in that one transaction.
 */
public interface DatasetProposals {

	/**
	 * Proposes a dataset.
	 * @throws InvalidDataset if the name, kind, purpose, legal basis or retention is
	 * malformed
	 * @throws DuplicateDataset if a dataset or a pending proposal has the name
	 * @throws GroupNotFound if the owning team does not exist
	 */
	DatasetProposal propose(Caller caller, NewDatasetProposal proposal);

	/**
	 * Approves a pending proposal, creating the dataset.
	 * @throws ProposalNotFound if there is none
	 * @throws PermissionDenied if the caller is neither a platform admin nor in the
	 * governance group
	 * @throws SelfApprovalForbidden if the caller proposed it
	 * @throws RequestAlreadyDecided if it was decided already
	 * @throws DuplicateDataset if a dataset took the name or bucket meanwhile
	 */
	DatasetProposal approve(Caller caller, UUID proposalId, String reason);

	/**
	 * Rejects a pending proposal with a reason.
	 * @throws InvalidDataset if the reason is blank
	 * @throws ProposalNotFound if there is none
	 * @throws PermissionDenied if the caller may not decide proposals
	 * @throws SelfApprovalForbidden if the caller proposed it
	 * @throws RequestAlreadyDecided if it was decided already
	 */
	DatasetProposal reject(Caller caller, UUID proposalId, String reason);

	/**
	 * A proposal, for its proposer and for those who may decide proposals.
	 * @throws ProposalNotFound if there is none, or the caller may not see it
	 */
	DatasetProposal get(Caller caller, UUID proposalId);

	/** Pending proposals the caller may decide (none of their own), oldest first. */
	List<DatasetProposal> awaitingDecision(Caller caller);

	/** The caller's own proposals, newest first. */
	List<DatasetProposal> mine(Caller caller);

	/**
	 * Datasets the caller administers (all for platform admins) whose retention period
	 * ends within the notice period or has ended, soonest first.
	 */
	List<RetentionNotice> retentionNotices(Caller caller);

	/**
	 * Whether the caller may decide proposals: a platform admin or in the governance
	 * group.
	 */
	boolean canDecide(Caller caller);

}

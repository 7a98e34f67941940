package uk.gov.analyticalplatform.dataaccess;

/** Where a dataset proposal stands. */
public enum ProposalState {

	/** Waiting for a platform admin or the governance group. */
	PENDING,
	/** Approved: the dataset exists. */
	APPROVED,
	/** Rejected, with a reason. */
	REJECTED

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.UUID;

/**
 * A proposed dataset and its decision.
 *
 * @param id its id
 * @param name the dataset's name
 * @param description what the data is
 * @param classification its security classification
 * @param purpose the use it is approved for
 * @param legalBasis the legal basis or DPIA reference
 * @param retentionDays how many days its objects are kept
 * @param retentionAction what happens to them after that
 * @param owner the owning team
 * @param proposer who proposed it
 * @param state where it stands
 * @param createdAt when it was proposed
 * @param decidedAt when it was decided, else {@code null}
 * @param decidedBy who decided it, else {@code null}
 * @param decisionReason why, else {@code null}
 * @param datasetId the dataset its approval created, else {@code null}
 */
public record DatasetProposal(UUID id, String name, String description, Classification classification, String purpose,
		String legalBasis, int retentionDays, RetentionAction retentionAction, GroupRef owner, UserRef proposer,
		ProposalState state, Instant createdAt, Instant decidedAt, UserRef decidedBy, String decisionReason,
		UUID datasetId) {

}

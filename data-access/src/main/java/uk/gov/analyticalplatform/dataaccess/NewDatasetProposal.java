package uk.gov.analyticalplatform.dataaccess;

import java.util.Objects;
import java.util.UUID;

/**
 * A dataset an analyst asks to bring onto the platform.
 *
 * @param name the dataset's unique lower-case name, such as {@code court-survey}
 * @param description what the data is
 * @param classification its security classification
 * @param kind where it will live; only {@link DatasetKind#S3} can be proposed (data is
 * uploaded into it)
 * @param purpose the use it is approved for
 * @param legalBasis the legal basis or DPIA reference
 * @param retentionDays how many days its objects are kept
 * @param retentionAction what happens to them after that
 * @param ownerGroupId the team that owns it
 */
public record NewDatasetProposal(String name, String description, Classification classification, DatasetKind kind,
		String purpose, String legalBasis, int retentionDays, RetentionAction retentionAction, UUID ownerGroupId) {

	public NewDatasetProposal {
		Objects.requireNonNull(classification, "classification");
		Objects.requireNonNull(ownerGroupId, "ownerGroupId");
		kind = (kind != null) ? kind : DatasetKind.S3;
		retentionAction = (retentionAction != null) ? retentionAction : RetentionAction.ARCHIVE;
		description = (description != null) ? description : "";
	}

}

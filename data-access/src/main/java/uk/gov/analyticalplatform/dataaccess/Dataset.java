package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import uk.gov.analyticalplatform.reconcile.ApplyStatus;

/**
 * A registered dataset.
 *
 * @param id its id
 * @param name its unique name
 * @param description what the data is
 * @param owner the owning team
 * @param classification its security classification
 * @param kind S3 or Athena
 * @param bucket the bucket (S3), else {@code null}
 * @param rootPrefix the prefix in the bucket, empty for the whole bucket or for Athena
 * @param glueDatabase the Glue database (Athena), else {@code null}
 * @param tables the tables forming the dataset (Athena), empty for all
 * @param dataAdmins who may decide requests and manage access
 * @param status whether its bucket (S3) or database (Athena) is provisioned in AWS
 * @param createdAt when it was registered
 * @param createdBy who registered it (username)
 */
public record Dataset(UUID id, String name, String description, GroupRef owner, Classification classification,
		DatasetKind kind, String bucket, String rootPrefix, String glueDatabase, List<String> tables,
		List<UserRef> dataAdmins, ApplyStatus status, Instant createdAt, String createdBy) {

	/** Whether the user is one of the dataset's named data admins. */
	public boolean isDataAdmin(String userId) {
		return this.dataAdmins.stream().anyMatch((admin) -> admin.userId().equals(userId));
	}

	/**
	 * Where the data is, for people: {@code s3://bucket/prefix} or
	 * {@code glue://database}.
	 */
	public String location() {
		return (this.kind == DatasetKind.S3) ? "s3://" + this.bucket + "/" + this.rootPrefix
				: "glue://" + this.glueDatabase;
	}

}

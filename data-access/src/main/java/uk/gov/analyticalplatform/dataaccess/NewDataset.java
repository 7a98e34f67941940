package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A dataset to register. Build one with {@link #s3} or {@link #athena}.
 *
 * @param name unique lower-case name, such as {@code prison-population}
 * @param description what the data is
 * @param ownerGroupId the owning team
 * @param classification its security classification
 * @param kind S3 or Athena
 * @param bucket the bucket (S3 only)
 * @param rootPrefix the dataset's prefix in the bucket, such as {@code curated/}, or
 * empty for the whole bucket (S3 only)
 * @param glueDatabase the Glue database (Athena only)
 * @param tables the tables of the Glue database that form the dataset, or empty for all
 * (Athena only)
 * @param dataAdmins the dataset's first data admins
 */
public record NewDataset(String name, String description, UUID ownerGroupId, Classification classification,
		DatasetKind kind, String bucket, String rootPrefix, String glueDatabase, List<String> tables,
		List<UserRef> dataAdmins) {

	public NewDataset {
		Objects.requireNonNull(kind, "kind");
		Objects.requireNonNull(classification, "classification");
		Objects.requireNonNull(ownerGroupId, "ownerGroupId");
		description = (description != null) ? description : "";
		rootPrefix = (rootPrefix != null) ? rootPrefix : "";
		tables = (tables != null) ? List.copyOf(tables) : List.of();
		dataAdmins = (dataAdmins != null) ? List.copyOf(dataAdmins) : List.of();
	}

	public static NewDataset s3(String name, String description, UUID ownerGroupId, Classification classification,
			String bucket, String rootPrefix) {
		return new NewDataset(name, description, ownerGroupId, classification, DatasetKind.S3, bucket, rootPrefix, null,
				List.of(), List.of());
	}

	public static NewDataset athena(String name, String description, UUID ownerGroupId, Classification classification,
			String glueDatabase, List<String> tables) {
		return new NewDataset(name, description, ownerGroupId, classification, DatasetKind.ATHENA, null, "",
				glueDatabase, tables, List.of());
	}

	/** This dataset with these first data admins. */
	public NewDataset withDataAdmins(UserRef... admins) {
		return new NewDataset(this.name, this.description, this.ownerGroupId, this.classification, this.kind,
				this.bucket, this.rootPrefix, this.glueDatabase, this.tables, List.of(admins));
	}

}

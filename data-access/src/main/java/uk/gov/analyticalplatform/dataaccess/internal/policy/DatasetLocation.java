package uk.gov.analyticalplatform.dataaccess.internal.policy;

import java.util.List;
import java.util.Objects;

import uk.gov.analyticalplatform.dataaccess.DatasetKind;

/**
 * Where a dataset's data is, as the compiler needs it.
 *
 * @param kind S3 or Athena
 * @param bucket the bucket (S3)
 * @param rootPrefix the root prefix, empty or ending in {@code /} (S3)
 * @param glueDatabase the Glue database (Athena)
 * @param tables the dataset's tables, empty for all of the database's (Athena)
 */
public record DatasetLocation(DatasetKind kind, String bucket, String rootPrefix, String glueDatabase,
		List<String> tables) {

	public DatasetLocation {
		Objects.requireNonNull(kind, "kind");
		rootPrefix = (rootPrefix != null) ? rootPrefix : "";
		tables = (tables != null) ? List.copyOf(tables) : List.of();
	}

	public static DatasetLocation s3(String bucket, String rootPrefix) {
		return new DatasetLocation(DatasetKind.S3, Objects.requireNonNull(bucket, "bucket"), rootPrefix, null,
				List.of());
	}

	public static DatasetLocation athena(String glueDatabase, List<String> tables) {
		return new DatasetLocation(DatasetKind.ATHENA, null, "", Objects.requireNonNull(glueDatabase, "glueDatabase"),
				tables);
	}

}

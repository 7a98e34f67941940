package uk.gov.analyticalplatform.dataaccess;

import java.util.List;
import java.util.Objects;

/**
 * An immutable snapshot of an S3 dataset that a pipeline has written and now registers.
 *
 * @param version its label, unique in the dataset, such as {@code 2026-11-29} or
 * {@code v3}
 * @param s3Prefix where the snapshot's objects are, relative to the dataset's root
 * prefix, such as {@code snapshots/2026-11-29/}; it becomes read-only for analysts
 * @param manifest every object of the snapshot
 */
public record NewDatasetVersion(String version, String s3Prefix, List<ManifestEntry> manifest) {

	public NewDatasetVersion {
		Objects.requireNonNull(version, "version");
		Objects.requireNonNull(s3Prefix, "s3Prefix");
		manifest = (manifest != null) ? List.copyOf(manifest) : List.of();
	}

}

package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A registered, immutable snapshot of a dataset; cite it by its id.
 *
 * @param id its id
 * @param dataset the dataset
 * @param version its label
 * @param s3Uri where its objects are, {@code s3://bucket/prefix/}
 * @param objectCount how many objects
 * @param totalBytes their total size
 * @param registeredAt when it was registered
 * @param registeredBy who registered it (username)
 * @param manifest its objects
 */
public record DatasetVersion(UUID id, DatasetRef dataset, String version, String s3Uri, int objectCount,
		long totalBytes, Instant registeredAt, String registeredBy, List<ManifestEntry> manifest) {

}

package uk.gov.analyticalplatform.dataaccess;

/**
 * One object of a dataset version.
 *
 * @param key the object's key relative to the version's prefix, such as
 * {@code part-0001.parquet}
 * @param size its size in bytes
 * @param sha256 the lower-case hex SHA-256 of its content
 */
public record ManifestEntry(String key, long size, String sha256) {

}

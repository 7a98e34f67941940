package uk.gov.analyticalplatform.dataaccess;

/**
 * Where a dataset's data lives: {@code S3} (a bucket and an optional root prefix,
 * accessed through IAM) or {@code ATHENA} (a Glue database and optionally some of its
 * tables, accessed through Athena and Lake Formation).
 */
public enum DatasetKind {

	S3, ATHENA

}

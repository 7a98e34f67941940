package uk.gov.analyticalplatform.dataaccess;

/**
 * A part of an upload that S3 holds.
 *
 * @param partNumber its number, from 1
 * @param size its size in bytes
 * @param sha256 its lower-case hex SHA-256 when it passed through the control plane, else
 * {@code null} (sent straight to S3)
 */
public record UploadedPart(int partNumber, long size, String sha256) {

}

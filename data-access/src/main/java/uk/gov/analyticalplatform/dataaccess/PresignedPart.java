package uk.gov.analyticalplatform.dataaccess;

import java.time.Instant;

/**
 * A URL a browser may {@code PUT} one part's bytes to, straight to S3.
 *
 * @param partNumber the part
 * @param url the presigned URL
 * @param expiresAt when it stops working
 */
public record PresignedPart(int partNumber, String url, Instant expiresAt) {

}

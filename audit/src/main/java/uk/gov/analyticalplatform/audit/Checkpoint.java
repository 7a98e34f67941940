package uk.gov.analyticalplatform.audit;

import java.time.Instant;

/**
 * A signed statement that the chain's link {@code seq} had hash {@code headHash}, like a
 * CloudTrail digest file. The signing key is not in the database, so a rewritten chain or
 * a truncated tail cannot be made to agree with it.
 *
 * @param seq the chain position
 * @param headHash the hash of that link, hex
 * @param createdAt when it was signed
 * @param algorithm the signature algorithm
 * @param keyId which configured key signed it
 * @param signature the signature, hex
 */
public record Checkpoint(long seq, String headHash, Instant createdAt, String algorithm, String keyId,
		String signature) {

}

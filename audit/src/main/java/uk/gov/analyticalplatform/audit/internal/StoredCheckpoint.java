package uk.gov.analyticalplatform.audit.internal;

import java.time.Instant;

import uk.gov.analyticalplatform.audit.Checkpoint;

/** A checkpoint row as stored. */
record StoredCheckpoint(long seq, byte[] headHash, Instant createdAt, String algorithm, String keyId,
		byte[] signature) {

	Checkpoint toCheckpoint() {
		return new Checkpoint(this.seq, ChainHash.hex(this.headHash), this.createdAt, this.algorithm, this.keyId,
				ChainHash.hex(this.signature));
	}

}

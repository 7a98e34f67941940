package uk.gov.analyticalplatform.audit.internal;

import java.util.Arrays;
import java.util.Map;

/**
 * Walks the chain link by link, in order, and stops at the first problem: a missing link,
 * a missing event, a link that does not point at its predecessor, an event that no longer
 * matches its hash, a link that disagrees with a signed checkpoint, or a tail cut off
 * after a checkpoint. Holds nothing but the previous hash, so memory stays flat however
 * long the chain.
 */
final class ChainWalk {

	private final Map<Long, StoredCheckpoint> checkpoints;

	private long expectedSeq = 1;

	private byte[] previous = ChainHash.GENESIS;

	private long linked;

	private Problem problem;

	ChainWalk(Map<Long, StoredCheckpoint> checkpointsBySeq) {
		this.checkpoints = checkpointsBySeq;
	}

	/**
	 * Checks the next link; {@code event} is {@code null} when the event the link names
	 * is gone.
	 * @return whether to go on
	 */
	boolean accept(long seq, long linkedEventId, byte[] prevHash, byte[] hash, StoredEvent event) {
		if (this.problem != null) {
			return false;
		}
		if (seq != this.expectedSeq) {
			return fail(null, this.expectedSeq, "Link " + this.expectedSeq + " is missing: the chain jumps from "
					+ (this.expectedSeq - 1) + " to " + seq + ".");
		}
		if (event == null) {
			return fail(linkedEventId, seq, "Event " + linkedEventId + " (link " + seq + ") has been deleted.");
		}
		if (!Arrays.equals(prevHash, this.previous)) {
			return fail(event.id(), seq, "Link " + seq + " does not point at link " + (seq - 1) + ".");
		}
		if (!Arrays.equals(ChainHash.of(event, seq, prevHash), hash)) {
			return fail(event.id(), seq, "Event " + event.id() + " (link " + seq
					+ ") does not match its hash: it was changed after it was recorded.");
		}
		StoredCheckpoint checkpoint = this.checkpoints.get(seq);
		if (checkpoint != null && !Arrays.equals(checkpoint.headHash(), hash)) {
			return fail(event.id(), seq, "Link " + seq + " does not match the checkpoint signed at "
					+ checkpoint.createdAt() + ": the chain has been rewritten.");
		}
		this.previous = hash;
		this.expectedSeq++;
		this.linked++;
		return true;
	}

	/** Checks the end of the chain against the newest checkpoint. */
	void finish(StoredCheckpoint newest) {
		long last = this.expectedSeq - 1;
		if (this.problem == null && newest != null && newest.seq() > last) {
			fail(null, last + 1,
					"The chain ends at link " + last + " but the checkpoint signed at " + newest.createdAt()
							+ " covers link " + newest.seq() + ": the last " + (newest.seq() - last)
							+ " events after link " + last + " have been removed.");
		}
	}

	long linked() {
		return this.linked;
	}

	long headSeq() {
		return this.expectedSeq - 1;
	}

	byte[] headHash() {
		return this.previous;
	}

	Problem problem() {
		return this.problem;
	}

	private boolean fail(Long eventId, long seq, String description) {
		this.problem = new Problem(eventId, seq, description);
		return false;
	}

	record Problem(Long eventId, long seq, String description) {
	}

}

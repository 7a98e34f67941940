package uk.gov.analyticalplatform.audit;

/**
 * The outcome of verifying the whole chain against its checkpoints.
 *
 * @param status {@code OK} or {@code BROKEN}
 * @param eventCount how many linked events were checked
 * @param headSeq the last chain position seen
 * @param headHash the hash of the last link seen, hex
 * @param checkpointsVerified how many signed checkpoints were checked
 * @param pendingEvents events written but not yet linked (the sequencer is behind)
 * @param brokenEventId the first event found wrong, if any (may be {@code null} when the
 * problem is a missing event or tail)
 * @param brokenSeq the chain position of the first problem, if any
 * @param problem what is wrong, in words, or {@code null}
 */
public record VerifyReport(Status status, long eventCount, long headSeq, String headHash, int checkpointsVerified,
		long pendingEvents, Long brokenEventId, Long brokenSeq, String problem) {

	public enum Status {

		OK, BROKEN

	}

	public boolean ok() {
		return this.status == Status.OK;
	}

}

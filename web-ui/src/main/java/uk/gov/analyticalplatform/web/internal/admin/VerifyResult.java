package uk.gov.analyticalplatform.web.internal.admin;

import java.io.Serializable;

import uk.gov.analyticalplatform.audit.VerifyReport;

/**
 * A verification's outcome as the audit page shows it once after verifying: kept in the
 * session (a flash attribute) between the post and the page, so serializable.
 *
 * @param ok whether every link and checkpoint holds
 * @param eventCount linked events checked
 * @param checkpointsVerified signed checkpoints checked
 * @param headSeq the last chain position seen
 * @param headHash the last link's hash
 * @param pendingEvents events not linked yet
 * @param brokenEventId the first event found wrong, if any
 * @param problem what is wrong, or {@code null}
 */
record VerifyResult(boolean ok, long eventCount, int checkpointsVerified, long headSeq, String headHash,
		long pendingEvents, Long brokenEventId, String problem) implements Serializable {

	static VerifyResult of(VerifyReport report) {
		return new VerifyResult(report.ok(), report.eventCount(), report.checkpointsVerified(), report.headSeq(),
				report.headHash(), report.pendingEvents(), report.brokenEventId(), report.problem());
	}

}

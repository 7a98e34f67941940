package uk.gov.analyticalplatform.dataaccess.internal.proposal;

import java.time.Duration;

/**
 * How proposals are decided and where approved datasets live.
 *
 * @param governanceGroup the access group whose members decide proposals besides platform
 * admins, or {@code null}
 * @param bucketPrefix the prefix of an approved dataset's bucket, followed by its name
 * @param retentionNotice how long ahead data admins are told a retention period ends
 */
record ProposalSettings(String governanceGroup, String bucketPrefix, Duration retentionNotice) {

	String bucketFor(String datasetName) {
		return this.bucketPrefix + datasetName;
	}

}

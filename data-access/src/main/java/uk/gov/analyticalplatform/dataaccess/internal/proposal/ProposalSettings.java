package uk.gov.analyticalplatform.dataaccess.internal.proposal;

/**
 * How proposals are decided and where approved datasets live.
 *
 * @param governanceGroup the access group whose members decide proposals besides platform
 * admins, or {@code null}
 * @param bucketPrefix the prefix of an approved dataset's bucket, followed by its name
 */
record ProposalSettings(String governanceGroup, String bucketPrefix) {

	String bucketFor(String datasetName) {
		return this.bucketPrefix + datasetName;
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.proposal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Dataset proposals ({@code platform.data-access.proposals.*}).
 *
 * @param governanceGroup the name of the access group whose members decide proposals
 * besides platform admins; unset for platform admins only
 * @param bucketPrefix the prefix of an approved dataset's bucket name, followed by the
 * dataset's name (a bucket per proposed dataset, so its lifecycle, retention and access
 * logging are its own)
 * @param retentionNotice how long before a proposed dataset's retention period ends its
 * data admins see a notice in the control panel
 */
@ConfigurationProperties("platform.data-access.proposals")
record ProposalProperties(String governanceGroup, @DefaultValue("ap-data-") String bucketPrefix,
		@DefaultValue("30d") Duration retentionNotice) {

}

package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.List;

import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.ListWorkGroupsRequest;
import software.amazon.awssdk.services.athena.model.Tag;

import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.WorkgroupSpec;

/**
 * The Athena workgroup users query through, the one their policies name. When no
 * workgroup has its name it is created, tagged as the platform's, publishing CloudWatch
 * metrics and requiring query results to be encrypted at least as configured (SSE-KMS
 * with the configured key, else SSE-S3). Its configuration is not enforced and names no
 * output location: each user's results belong under their own prefix of the results
 * bucket, which only they may read and write, so the client names it; one location
 * enforced for everyone would make every query fail, or put every user's results where
 * all could read them. An existing workgroup, the platform's or not, is used as it is:
 * the platform never changes or deletes one.
 */
class AthenaWorkgroups {

	private final AthenaClient athena;

	private final String owner;

	AthenaWorkgroups(AthenaClient athena, String owner) {
		this.athena = athena;
		this.owner = owner;
	}

	List<String> provision(WorkgroupSpec spec) {
		boolean exists = this.athena.listWorkGroupsPaginator(ListWorkGroupsRequest.builder().build())
			.stream()
			.flatMap((page) -> page.workGroups().stream())
			.anyMatch((workgroup) -> workgroup.name().equals(spec.name()));
		if (exists) {
			return List.of();
		}
		EncryptionOption encryption = (spec.kmsKeyId() != null) ? EncryptionOption.SSE_KMS : EncryptionOption.SSE_S3;
		this.athena.createWorkGroup((r) -> r.name(spec.name())
			.description("Analysts' queries, managed by the Analytical Platform")
			.configuration((c) -> c.enforceWorkGroupConfiguration(false)
				.enableMinimumEncryptionConfiguration(true)
				.publishCloudWatchMetricsEnabled(true)
				.resultConfiguration((result) -> result
					.encryptionConfiguration((e) -> e.encryptionOption(encryption).kmsKey(spec.kmsKeyId()))))
			.tags(Tag.builder().key(IamRoles.TAG).value(this.owner).build()));
		return List.of("created Athena workgroup " + spec.name());
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.util.List;

import uk.gov.analyticalplatform.dataaccess.internal.policy.DesiredRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.NamedPolicy;
import uk.gov.analyticalplatform.reconcile.ApplyFailed;

/**
 * What the reconciler needs from AWS, in the module's own terms; the AWS adapter
 * implements it. Every method is idempotent and touches only resources the platform owns
 * (tagged), refusing to take over a foreign one. Every method throws
 * {@link ThrottledByAws} when AWS still throttles a call after the SDK's retries.
 */
public interface AwsGateway {

	/**
	 * Makes the role, its policies and its Lake Formation permissions exactly as desired:
	 * creates what is missing, updates what differs, removes what the desired role lacks.
	 * @return what had to change (empty when AWS already matched) and what AWS reports
	 * after
	 */
	RoleApplied applyRole(DesiredRole desired);

	/**
	 * Deletes the role with its policies and Lake Formation permissions, if it exists and
	 * is ours.
	 * @return whether there was anything to delete
	 */
	boolean deleteRole(String roleName);

	/** The names of the roles the platform owns whose names start with the prefix. */
	List<String> ownedRoles(String namePrefix);

	/**
	 * Creates or adopts the bucket and gives it default encryption, versioning, a public
	 * access block, a TLS-only bucket policy statement and the lifecycle rule.
	 * @return what had to change
	 */
	List<String> provisionBucket(BucketSpec bucket);

	/**
	 * Creates or adopts the platform's log bucket, encrypted and private, with a policy
	 * statement that lets S3 server access logging deliver into it.
	 * @return what had to change
	 */
	List<String> provisionLogBucket(String bucket);

	/**
	 * Creates the Glue database, tagged as the platform's, or adopts an untagged one by
	 * tagging it, then checks that the tables, if any are named, exist. Tables are never
	 * created: the pipelines or crawlers that write them do that.
	 * @return what had to change
	 * @throws RoleNotOwned if another installation's tag claims the database
	 * @throws ApplyFailed naming a table that does not exist
	 */
	List<String> provisionGlueDatabase(String database, List<String> tables);

	/**
	 * Creates the Athena workgroup, tagged as the platform's, if no workgroup has its
	 * name; an existing one, the platform's or not, is used as it is.
	 * @return what had to change
	 */
	List<String> provisionWorkgroup(WorkgroupSpec workgroup);

	/** The AWS account the control plane works in. */
	String accountId();

	/**
	 * The result of applying a role.
	 *
	 * @param changes what had to change, for people
	 * @param applied what AWS reports afterwards
	 */
	record RoleApplied(List<String> changes, AppliedRole applied) {

	}

	/**
	 * A role as AWS reports it.
	 *
	 * @param roleArn its ARN
	 * @param trustPolicy its trust policy
	 * @param policies its inline policies and attached managed policies (default
	 * versions)
	 * @param lakeFormation its Lake Formation permissions, for people
	 */
	record AppliedRole(String roleArn, String trustPolicy, List<NamedPolicy> policies, List<String> lakeFormation) {

	}

	/**
	 * A dataset's bucket and its settings.
	 *
	 * @param bucket the bucket
	 * @param infrequentAccessDays days after which objects move to infrequent access
	 * @param archiveDays days after which objects move to archive
	 * @param kmsKeyId the KMS key for default encryption, or {@code null} for S3-managed
	 * keys
	 * @param tlsOnly whether the bucket policy denies requests made without TLS
	 * @param retention the retention rule a proposal asked for, or {@code null}
	 * @param logBucket the platform's bucket that receives the bucket's server access
	 * logs (under the prefix {@code <bucket>/}), or {@code null} for no logging
	 * @param corsOrigins the control panel origins allowed to upload parts straight to
	 * the bucket with presigned URLs; empty for none
	 */
	record BucketSpec(String bucket, int infrequentAccessDays, int archiveDays, String kmsKeyId, boolean tlsOnly,
			BucketRetention retention, String logBucket, List<String> corsOrigins) {

		public BucketSpec {
			corsOrigins = (corsOrigins != null) ? List.copyOf(corsOrigins) : List.of();
		}

		public BucketSpec(String bucket, int infrequentAccessDays, int archiveDays, String kmsKeyId, boolean tlsOnly) {
			this(bucket, infrequentAccessDays, archiveDays, kmsKeyId, tlsOnly, null, null, List.of());
		}

	}

	/**
	 * How long a bucket keeps its objects.
	 *
	 * @param days the objects' age at which the rule acts
	 * @param delete whether they are then deleted (current and old versions), else moved
	 * to the archive storage class
	 * @param archiveStorageClass the storage class they move to, such as
	 * {@code DEEP_ARCHIVE}
	 */
	record BucketRetention(int days, boolean delete, String archiveStorageClass) {

	}

	/**
	 * The Athena workgroup users query through.
	 *
	 * @param name its name, the one the compiled policies allow
	 * @param kmsKeyId the KMS key query results must at least be encrypted with, or
	 * {@code null} for S3-managed keys
	 */
	record WorkgroupSpec(String name, String kmsKeyId) {

	}

}

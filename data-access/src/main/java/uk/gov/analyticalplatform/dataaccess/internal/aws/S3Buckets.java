package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.PublicAccessBlockConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionRule;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketRetention;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.BucketSpec;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.RoleNotOwned;

/**
 * Datasets' buckets: created or adopted, then given default encryption, versioning, a
 * full public access block, a TLS-only policy statement and a tiering lifecycle rule.
 * Statements and rules of others in an adopted bucket are kept. A bucket another
 * installation manages (its ownership tag names another owner) is left alone, and the
 * dataset fails saying so.
 */
class S3Buckets {

	static final String TLS_STATEMENT = "DenyInsecureTransport";

	static final String LIFECYCLE_RULE = "analytical-platform-tiering";

	static final String RETENTION_RULE = "analytical-platform-retention";

	static final String LOG_DELIVERY_STATEMENT = "AllowServerAccessLogDelivery";

	private final S3Client s3;

	private final String region;

	private final String partition;

	private final String owner;

	S3Buckets(S3Client s3, String region, String partition, String owner) {
		this.s3 = s3;
		this.region = region;
		this.partition = partition;
		this.owner = owner;
	}

	List<String> provision(BucketSpec spec) {
		List<String> changes = new ArrayList<>();
		String bucket = spec.bucket();
		ensureExists(bucket, changes);
		ensureTagged(bucket, changes);
		ensureEncrypted(bucket, spec.kmsKeyId(), changes);
		if (this.s3.getBucketVersioning((r) -> r.bucket(bucket)).status() != BucketVersioningStatus.ENABLED) {
			this.s3.putBucketVersioning(
					(r) -> r.bucket(bucket).versioningConfiguration((v) -> v.status(BucketVersioningStatus.ENABLED)));
			changes.add("enabled versioning");
		}
		ensurePublicAccessBlocked(bucket, changes);
		if (spec.tlsOnly()) {
			ensureTlsOnly(bucket, changes);
		}
		ensureLifecycle(spec, changes);
		if (spec.logBucket() != null) {
			BucketLogging.ensureLogged(this.s3, bucket, spec.logBucket(), this.partition, changes);
		}
		if (!spec.corsOrigins().isEmpty()) {
			BucketLogging.ensureCors(this.s3, bucket, spec.corsOrigins(), changes);
		}
		return changes;
	}

	/**
	 * Creates or adopts the platform's log bucket: encrypted, public access blocked, and
	 * a bucket policy that lets S3's log delivery write into it.
	 */
	List<String> provisionLogBucket(String bucket) {
		List<String> changes = new ArrayList<>();
		ensureExists(bucket, changes);
		ensureTagged(bucket, changes);
		ensureEncrypted(bucket, null, changes);
		ensurePublicAccessBlocked(bucket, changes);
		String current = null;
		try {
			current = this.s3.getBucketPolicy((r) -> r.bucket(bucket)).policy();
		}
		catch (S3Exception ex) {
			if (!"NoSuchBucketPolicy".equals(code(ex))) {
				throw ex;
			}
		}
		String desired = BucketPolicies.withLogDelivery(current, this.partition, bucket);
		if (current == null || !PolicyDocuments.same(current, desired)) {
			this.s3.putBucketPolicy((r) -> r.bucket(bucket).policy(desired));
			changes.add("allowed S3 log delivery into " + bucket);
		}
		return changes;
	}

	private void ensureExists(String bucket, List<String> changes) {
		try {
			this.s3.headBucket((r) -> r.bucket(bucket));
		}
		catch (NoSuchBucketException ex) {
			this.s3.createBucket((r) -> {
				r.bucket(bucket);
				if (!Region.US_EAST_1.id().equals(this.region)) {
					r.createBucketConfiguration((c) -> c.locationConstraint(this.region));
				}
			});
			changes.add("created bucket " + bucket);
		}
		catch (S3Exception ex) {
			if (ex.statusCode() == 403) {
				throw new RoleNotOwned(
						"Bucket " + bucket + " exists but the platform may not use it: " + ex.getMessage());
			}
			throw ex;
		}
	}

	private void ensureTagged(String bucket, List<String> changes) {
		Map<String, String> tags = new LinkedHashMap<>();
		try {
			this.s3.getBucketTagging((r) -> r.bucket(bucket))
				.tagSet()
				.forEach((tag) -> tags.put(tag.key(), tag.value()));
		}
		catch (S3Exception ex) {
			if (!"NoSuchTagSet".equals(code(ex))) {
				throw ex;
			}
		}
		String managedBy = tags.get(IamRoles.TAG);
		if (managedBy != null && !managedBy.equals(this.owner)) {
			throw new RoleNotOwned("Bucket " + bucket + " is managed by " + managedBy + ", not by " + this.owner
					+ "; it is left alone");
		}
		if (managedBy == null) {
			tags.put(IamRoles.TAG, this.owner);
			List<Tag> tagSet = tags.entrySet()
				.stream()
				.map((tag) -> Tag.builder().key(tag.getKey()).value(tag.getValue()).build())
				.toList();
			this.s3.putBucketTagging((r) -> r.bucket(bucket).tagging((t) -> t.tagSet(tagSet)));
			changes.add("tagged bucket as managed by the platform");
		}
	}

	private void ensureEncrypted(String bucket, String kmsKeyId, List<String> changes) {
		ServerSideEncryption algorithm = (kmsKeyId != null) ? ServerSideEncryption.AWS_KMS
				: ServerSideEncryption.AES256;
		List<ServerSideEncryptionRule> rules = List.of();
		try {
			rules = this.s3.getBucketEncryption((r) -> r.bucket(bucket)).serverSideEncryptionConfiguration().rules();
		}
		catch (S3Exception ex) {
			if (!"ServerSideEncryptionConfigurationNotFoundError".equals(code(ex))) {
				throw ex;
			}
		}
		boolean matches = rules.stream()
			.anyMatch((rule) -> rule.applyServerSideEncryptionByDefault() != null
					&& rule.applyServerSideEncryptionByDefault().sseAlgorithm() == algorithm && (kmsKeyId == null
							|| kmsKeyId.equals(rule.applyServerSideEncryptionByDefault().kmsMasterKeyID())));
		if (!matches) {
			ServerSideEncryptionRule rule = ServerSideEncryptionRule.builder()
				.bucketKeyEnabled(kmsKeyId != null)
				.applyServerSideEncryptionByDefault((d) -> d.sseAlgorithm(algorithm).kmsMasterKeyID(kmsKeyId))
				.build();
			this.s3.putBucketEncryption(
					(r) -> r.bucket(bucket).serverSideEncryptionConfiguration((c) -> c.rules(List.of(rule))));
			changes.add("set default encryption " + algorithm);
		}
	}

	private void ensurePublicAccessBlocked(String bucket, List<String> changes) {
		PublicAccessBlockConfiguration blocked = PublicAccessBlockConfiguration.builder()
			.blockPublicAcls(true)
			.ignorePublicAcls(true)
			.blockPublicPolicy(true)
			.restrictPublicBuckets(true)
			.build();
		PublicAccessBlockConfiguration current = null;
		try {
			current = this.s3.getPublicAccessBlock((r) -> r.bucket(bucket)).publicAccessBlockConfiguration();
		}
		catch (S3Exception ex) {
			if (!"NoSuchPublicAccessBlockConfiguration".equals(code(ex))) {
				throw ex;
			}
		}
		if (!blocked.equals(current)) {
			this.s3.putPublicAccessBlock((r) -> r.bucket(bucket).publicAccessBlockConfiguration(blocked));
			changes.add("blocked all public access");
		}
	}

	private void ensureTlsOnly(String bucket, List<String> changes) {
		String current = null;
		try {
			current = this.s3.getBucketPolicy((r) -> r.bucket(bucket)).policy();
		}
		catch (S3Exception ex) {
			if (!"NoSuchBucketPolicy".equals(code(ex))) {
				throw ex;
			}
		}
		String desired = BucketPolicies.withTlsOnly(current, this.partition, bucket);
		if (current == null || !PolicyDocuments.same(current, desired)) {
			this.s3.putBucketPolicy((r) -> r.bucket(bucket).policy(desired));
			changes.add("required TLS in the bucket policy");
		}
	}

	private void ensureLifecycle(BucketSpec spec, List<String> changes) {
		List<LifecycleRule> rules = new ArrayList<>();
		try {
			rules.addAll(this.s3.getBucketLifecycleConfiguration((r) -> r.bucket(spec.bucket())).rules());
		}
		catch (S3Exception ex) {
			if (!"NoSuchLifecycleConfiguration".equals(code(ex))) {
				throw ex;
			}
		}
		String current = rules.stream()
			.filter((rule) -> LIFECYCLE_RULE.equals(rule.id()) || RETENTION_RULE.equals(rule.id()))
			.map(S3Buckets::describe)
			.sorted()
			.toList()
			.toString();
		if (current.equals(describe(spec))) {
			return;
		}
		rules.removeIf((rule) -> LIFECYCLE_RULE.equals(rule.id()) || RETENTION_RULE.equals(rule.id()));
		if (spec.retention() != null) {
			rules.add(retentionRule(spec.retention()));
		}
		rules.add(LifecycleRule.builder()
			.id(LIFECYCLE_RULE)
			.status("Enabled")
			.filter((f) -> f.prefix(""))
			.transitions(List.of(
					Transition.builder()
						.days(spec.infrequentAccessDays())
						.storageClass(TransitionStorageClass.STANDARD_IA)
						.build(),
					Transition.builder().days(spec.archiveDays()).storageClass(TransitionStorageClass.GLACIER).build()))
			.abortIncompleteMultipartUpload((a) -> a.daysAfterInitiation(7))
			.build());
		this.s3.putBucketLifecycleConfiguration((r) -> r.bucket(spec.bucket())
			.lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
		changes.add("set the lifecycle rule " + LIFECYCLE_RULE);
	}

	private static LifecycleRule retentionRule(BucketRetention retention) {
		LifecycleRule.Builder rule = LifecycleRule.builder()
			.id(RETENTION_RULE)
			.status("Enabled")
			.filter((f) -> f.prefix(""));
		if (retention.delete()) {
			return rule.expiration((e) -> e.days(retention.days()))
				.noncurrentVersionExpiration((e) -> e.noncurrentDays(1))
				.build();
		}
		return rule
			.transitions(Transition.builder()
				.days(retention.days())
				.storageClass(TransitionStorageClass.fromValue(retention.archiveStorageClass()))
				.build())
			.build();
	}

	private static String describe(LifecycleRule rule) {
		StringBuilder text = new StringBuilder(rule.id() + ";" + rule.statusAsString());
		rule.transitions()
			.forEach((t) -> text.append(';').append(t.days()).append(':').append(t.storageClassAsString()));
		if (rule.expiration() != null && rule.expiration().days() != null) {
			text.append(";expire:").append(rule.expiration().days());
		}
		return text.toString();
	}

	private static String describe(BucketSpec spec) {
		List<String> rules = new ArrayList<>();
		rules.add(LIFECYCLE_RULE + ";Enabled;" + spec.infrequentAccessDays() + ":STANDARD_IA;" + spec.archiveDays()
				+ ":GLACIER");
		if (spec.retention() != null) {
			rules.add(describe(retentionRule(spec.retention())));
		}
		return rules.stream().sorted().toList().toString();
	}

	private static String code(AwsServiceException ex) {
		return (ex.awsErrorDetails() != null) ? ex.awsErrorDetails().errorCode() : null;
	}

}

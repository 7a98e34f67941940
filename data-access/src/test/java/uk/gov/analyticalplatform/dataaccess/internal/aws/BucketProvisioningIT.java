package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.Tag;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Datasets' buckets as the reconciler sets them up, new or adopted, on the AWS emulator.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
class BucketProvisioningIT {

	final S3Client s3 = S3Client.builder()
		.endpointOverride(URI.create(PlatformServices.get().awsEndpoint()))
		.region(MotoIam.REGION)
		.forcePathStyle(true)
		.httpClient(UrlConnectionHttpClient.create())
		.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
		.build();

	@Autowired
	DatasetCatalog catalog;

	@Autowired
	Groups groups;

	@Autowired
	DataAccessProperties properties;

	@AfterEach
	void close() {
		this.s3.close();
	}

	@Test
	void aNewDatasetsBucketIsEncryptedVersionedPrivateTlsOnlyAndTiered() {
		String bucket = "bucket-" + suffix();
		create(bucket);
		assertThat(this.s3.getBucketVersioning((r) -> r.bucket(bucket)).status())
			.isEqualTo(BucketVersioningStatus.ENABLED);
		assertThat(this.s3.getBucketEncryption((r) -> r.bucket(bucket))
			.serverSideEncryptionConfiguration()
			.rules()
			.get(0)
			.applyServerSideEncryptionByDefault()
			.sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
		var block = this.s3.getPublicAccessBlock((r) -> r.bucket(bucket)).publicAccessBlockConfiguration();
		assertThat(List.of(block.blockPublicAcls(), block.ignorePublicAcls(), block.blockPublicPolicy(),
				block.restrictPublicBuckets()))
			.containsOnly(true);
		assertThat(PolicyDocuments.tree(this.s3.getBucketPolicy((r) -> r.bucket(bucket)).policy()).toString()).contains(
				"\"Sid\":\"DenyInsecureTransport\"", "\"Effect\":\"Deny\"",
				"{\"Bool\":{\"aws:SecureTransport\":\"false\"}}", "arn:aws:s3:::" + bucket + "/*");
		assertThat(this.s3.getBucketLifecycleConfiguration((r) -> r.bucket(bucket)).rules()).singleElement()
			.satisfies((rule) -> {
				assertThat(rule.id()).isEqualTo("analytical-platform-tiering");
				assertThat(rule.status()).isEqualTo(ExpirationStatus.ENABLED);
				assertThat(rule.transitions()).extracting((t) -> t.days() + ":" + t.storageClassAsString())
					.containsExactly("30:STANDARD_IA", "365:GLACIER");
			});
		assertThat(this.s3.getBucketTagging((r) -> r.bucket(bucket)).tagSet())
			.anySatisfy((tag) -> assertThat(tag.key()).isEqualTo(IamRoles.TAG));
	}

	@Test
	void anExistingBucketIsAdoptedKeepingWhatOthersConfigured() {
		String bucket = "adopted-" + suffix();
		this.s3
			.createBucket((r) -> r.bucket(bucket).createBucketConfiguration((c) -> c.locationConstraint("eu-west-2")));
		this.s3.putBucketPolicy((r) -> r.bucket(bucket)
			.policy("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"AuditorsRead\",\"Effect\":\"Allow\","
					+ "\"Principal\":{\"AWS\":\"arn:aws:iam::123456789012:root\"},\"Action\":\"s3:GetObject\","
					+ "\"Resource\":\"arn:aws:s3:::" + bucket + "/*\"}]}"));
		this.s3.putBucketTagging(
				(r) -> r.bucket(bucket).tagging((t) -> t.tagSet(Tag.builder().key("team").value("hq").build())));
		create(bucket);
		String policy = this.s3.getBucketPolicy((r) -> r.bucket(bucket)).policy();
		assertThat(policy).contains("AuditorsRead").contains("DenyInsecureTransport");
		assertThat(this.s3.getBucketTagging((r) -> r.bucket(bucket)).tagSet()).extracting((tag) -> tag.key())
			.containsExactlyInAnyOrder("team", IamRoles.TAG);
	}

	@Test
	void aBucketAnotherInstallationManagesIsLeftAlone() {
		String bucket = "theirs-" + suffix();
		this.s3
			.createBucket((r) -> r.bucket(bucket).createBucketConfiguration((c) -> c.locationConstraint("eu-west-2")));
		this.s3.putBucketTagging((r) -> r.bucket(bucket)
			.tagging((t) -> t.tagSet(Tag.builder().key(IamRoles.TAG).value("control-plane:elsewhere").build())));

		Dataset dataset = ProvisionedDatasets.register(this.catalog, this.groups, bucket,
				(owners) -> NewDataset.s3(bucket, "test data", owners, Classification.OFFICIAL, bucket, ""));

		assertThat(dataset.status().state()).isEqualTo(ApplyState.FAILED);
		assertThat(dataset.status().reason()).startsWith("Bucket " + bucket
				+ " is managed by control-plane:elsewhere, not by control-plane:" + this.properties.rolePrefix());
		assertThat(this.s3.getBucketTagging((r) -> r.bucket(bucket)).tagSet()).extracting((tag) -> tag.value())
			.containsExactly("control-plane:elsewhere");
		assertThat(this.s3.getBucketVersioning((r) -> r.bucket(bucket)).status()).isNull();
	}

	private void create(String bucket) {
		Dataset dataset = ProvisionedDatasets.register(this.catalog, this.groups, bucket,
				(owners) -> NewDataset.s3(bucket, "test data", owners, Classification.OFFICIAL, bucket, ""));
		assertThat(dataset.status().state()).as("%s", dataset.status()).isEqualTo(ApplyState.READY);
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}

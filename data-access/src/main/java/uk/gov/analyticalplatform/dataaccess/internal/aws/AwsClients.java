package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.net.URI;
import java.time.Duration;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.glue.GlueClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lakeformation.LakeFormationClient;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * The SDK clients, sharing one HTTP client, credentials, and the SDK's standard retry
 * strategy: transient errors are retried with its exponential backoff and full jitter,
 * throttling with exponential backoff and half jitter (as the SDK's legacy mode did), so
 * that a throttled call always waits at least half its backoff before the next attempt.
 */
public final class AwsClients implements AutoCloseable {

	/** The longest wait between two attempts of a throttled call. */
	static final Duration MAX_THROTTLING_BACKOFF = Duration.ofSeconds(20);

	private final SdkHttpClient http = UrlConnectionHttpClient.builder()
		.connectionTimeout(Duration.ofSeconds(5))
		.socketTimeout(Duration.ofSeconds(30))
		.build();

	/**
	 * For uploads: S3 may take minutes to answer a CompleteMultipartUpload of a large
	 * file (an emulator assembling it in memory takes longer still), and a retry after a
	 * timed-out completion finds the upload gone.
	 */
	private final SdkHttpClient uploadHttp = UrlConnectionHttpClient.builder()
		.connectionTimeout(Duration.ofSeconds(5))
		.socketTimeout(Duration.ofMinutes(15))
		.build();

	final IamClient iam;

	final StsClient sts;

	final S3Client s3;

	/**
	 * S3 for upload parts: a longer call timeout, and no checksum the SDK computes on its
	 * own (the uploads hash every byte with SHA-256 themselves).
	 */
	final S3Client s3Uploads;

	final S3Presigner presigner;

	final GlueClient glue;

	final LakeFormationClient lakeFormation;

	final AthenaClient athena;

	/**
	 * @param region the region
	 * @param endpoint an endpoint override for every service, or {@code null}
	 * @param accessKeyId a static access key, or {@code null} for the default chain
	 * @param secretAccessKey its secret
	 * @param maxAttempts attempts per call, with backoff
	 * @param throttlingBackoff the longest wait before the second attempt of a throttled
	 * call (at least half of it), doubled for each further attempt up to
	 * {@link #MAX_THROTTLING_BACKOFF}
	 */
	public AwsClients(String region, URI configuredEndpoint, String accessKeyId, String secretAccessKey,
			int maxAttempts, Duration throttlingBackoff) {
		URI endpoint = (configuredEndpoint != null && !configuredEndpoint.toString().isBlank()) ? configuredEndpoint
				: null;
		AwsCredentialsProvider credentials = (accessKeyId != null && !accessKeyId.isBlank())
				? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretAccessKey))
				: DefaultCredentialsProvider.builder().build();
		ClientOverrideConfiguration overrides = ClientOverrideConfiguration.builder()
			.retryStrategy(AwsRetryStrategy.standardRetryStrategy()
				.toBuilder()
				.maxAttempts(maxAttempts)
				.throttlingBackoffStrategy(
						BackoffStrategy.exponentialDelayHalfJitter(throttlingBackoff, MAX_THROTTLING_BACKOFF))
				.build())
			.apiCallTimeout(Duration.ofMinutes(2))
			.build();
		Region configured = Region.of(region);
		this.iam = configure(IamClient.builder(), (endpoint != null) ? configured : Region.AWS_GLOBAL, endpoint,
				credentials, overrides)
			.build();
		this.sts = configure(StsClient.builder(), configured, endpoint, credentials, overrides).build();
		this.s3 = configure(S3Client.builder(), configured, endpoint, credentials, overrides)
			.forcePathStyle(endpoint != null)
			.build();
		this.s3Uploads = configure(S3Client.builder(), configured, endpoint, credentials,
				overrides.toBuilder().apiCallTimeout(Duration.ofMinutes(30)).build())
			.httpClient(this.uploadHttp)
			.forcePathStyle(endpoint != null)
			.requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
			.build();
		S3Presigner.Builder presigner = S3Presigner.builder()
			.region(configured)
			.credentialsProvider(credentials)
			.serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint != null).build());
		if (endpoint != null) {
			presigner.endpointOverride(endpoint);
		}
		this.presigner = presigner.build();
		this.glue = configure(GlueClient.builder(), configured, endpoint, credentials, overrides).build();
		this.lakeFormation = configure(LakeFormationClient.builder(), configured, endpoint, credentials, overrides)
			.build();
		this.athena = configure(AthenaClient.builder(), configured, endpoint, credentials, overrides).build();
	}

	private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> B configure(B builder, Region region,
			URI endpoint, AwsCredentialsProvider credentials, ClientOverrideConfiguration overrides) {
		builder.region(region).credentialsProvider(credentials).overrideConfiguration(overrides);
		if (endpoint != null) {
			builder.endpointOverride(endpoint);
		}
		return builder.httpClient(this.http);
	}

	@Override
	public void close() {
		this.iam.close();
		this.sts.close();
		this.s3.close();
		this.s3Uploads.close();
		this.presigner.close();
		this.glue.close();
		this.lakeFormation.close();
		this.athena.close();
		this.http.close();
		this.uploadHttp.close();
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.config;

import java.net.URI;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the control plane reaches AWS ({@code platform.aws.*}).
 *
 * @param region the region of IAM, S3, Glue, Lake Formation and Athena calls
 * @param endpoint an endpoint override for every service, such as the local AWS emulator;
 * unset for AWS itself
 * @param accountId the AWS account; unset to ask STS at the first apply
 * @param partition the ARN partition
 * @param accessKeyId a static access key, for the local emulator; unset to use the
 * default credentials chain (IRSA, instance profile, environment)
 * @param secretAccessKey the static key's secret
 * @param maxAttempts how many times an SDK call is tried, with backoff, on throttling and
 * transient errors
 * @param throttlingBackoff the longest wait before retrying a throttled call (it waits at
 * least half of it), doubled for each further attempt up to 20 seconds
 */
@ConfigurationProperties("platform.aws")
public record AwsProperties(@DefaultValue("eu-west-2") String region, URI endpoint, String accountId,
		@DefaultValue("aws") String partition, String accessKeyId, String secretAccessKey,
		@DefaultValue("6") int maxAttempts, @DefaultValue("1s") Duration throttlingBackoff) {

}

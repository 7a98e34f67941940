package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.List;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CORSRule;
import software.amazon.awssdk.services.s3.model.LoggingEnabled;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A dataset bucket's server access logging into the platform's log bucket (under the
 * prefix {@code <bucket>/}, which the flows collector reads), and the CORS rule that lets
 * the control panel's pages send upload parts straight to the bucket.
 */
final class BucketLogging {

	private BucketLogging() {
	}

	static void ensureLogged(S3Client s3, String bucket, String logBucket, String partition, List<String> changes) {
		String prefix = bucket + "/";
		LoggingEnabled current = s3.getBucketLogging((r) -> r.bucket(bucket)).loggingEnabled();
		if (current != null && logBucket.equals(current.targetBucket()) && prefix.equals(current.targetPrefix())) {
			return;
		}
		s3.putBucketLogging((r) -> r.bucket(bucket)
			.bucketLoggingStatus(
					(status) -> status.loggingEnabled((l) -> l.targetBucket(logBucket).targetPrefix(prefix))));
		changes.add("logged server access into s3://" + logBucket + "/" + prefix);
	}

	static void ensureCors(S3Client s3, String bucket, List<String> origins, List<String> changes) {
		CORSRule desired = CORSRule.builder()
			.id("analytical-platform-uploads")
			.allowedOrigins(origins)
			.allowedMethods("PUT")
			.allowedHeaders("*")
			.exposeHeaders("ETag")
			.maxAgeSeconds(3000)
			.build();
		List<CORSRule> current = List.of();
		try {
			current = s3.getBucketCors((r) -> r.bucket(bucket)).corsRules();
		}
		catch (S3Exception ex) {
			if (ex.statusCode() != 404) {
				throw ex;
			}
		}
		boolean matches = current.stream()
			.anyMatch((rule) -> "analytical-platform-uploads".equals(rule.id())
					&& rule.allowedOrigins().equals(desired.allowedOrigins()));
		if (!matches) {
			List<CORSRule> rules = new java.util.ArrayList<>(
					current.stream().filter((rule) -> !"analytical-platform-uploads".equals(rule.id())).toList());
			rules.add(desired);
			s3.putBucketCors((r) -> r.bucket(bucket).corsConfiguration((c) -> c.corsRules(rules)));
			changes.add("allowed uploads from " + String.join(", ", origins));
		}
	}

}

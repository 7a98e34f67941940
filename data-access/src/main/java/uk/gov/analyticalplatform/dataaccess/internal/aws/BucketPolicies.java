package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;

/**
 * Bucket policies with the platform's TLS-only statement, keeping every other statement.
 */
final class BucketPolicies {

	private BucketPolicies() {
	}

	/** The policy with the TLS-only statement added or replaced. */
	static String withTlsOnly(String current, String partition, String bucket) {
		List<Object> statements = others(current, S3Buckets.TLS_STATEMENT);
		Map<String, Object> tls = new LinkedHashMap<>();
		tls.put("Sid", S3Buckets.TLS_STATEMENT);
		tls.put("Effect", "Deny");
		tls.put("Principal", "*");
		tls.put("Action", "s3:*");
		tls.put("Resource",
				List.of("arn:" + partition + ":s3:::" + bucket, "arn:" + partition + ":s3:::" + bucket + "/*"));
		tls.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
		statements.add(tls);
		return document(statements);
	}

	/**
	 * The log bucket's policy with the statement that lets S3 server access logging
	 * deliver into it added or replaced.
	 */
	static String withLogDelivery(String current, String partition, String bucket) {
		List<Object> statements = others(current, S3Buckets.LOG_DELIVERY_STATEMENT);
		Map<String, Object> delivery = new LinkedHashMap<>();
		delivery.put("Sid", S3Buckets.LOG_DELIVERY_STATEMENT);
		delivery.put("Effect", "Allow");
		delivery.put("Principal", Map.of("Service", "logging.s3.amazonaws.com"));
		delivery.put("Action", List.of("s3:PutObject"));
		delivery.put("Resource", "arn:" + partition + ":s3:::" + bucket + "/*");
		statements.add(delivery);
		return document(statements);
	}

	private static List<Object> others(String current, String sid) {
		List<Object> statements = new ArrayList<>();
		if (current != null) {
			JsonNode existing = PolicyDocuments.tree(PolicyDocuments.decode(current)).get("Statement");
			if (existing != null) {
				for (JsonNode statement : existing.isArray() ? existing : List.of(existing)) {
					if (!sid.equals(statement.path("Sid").asString(""))) {
						statements.add(statement);
					}
				}
			}
		}
		return statements;
	}

	private static String document(List<Object> statements) {
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("Version", "2012-10-17");
		policy.put("Statement", statements);
		return PolicyDocuments.write(policy);
	}

}

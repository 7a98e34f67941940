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
		List<Object> statements = new ArrayList<>();
		if (current != null) {
			JsonNode existing = PolicyDocuments.tree(PolicyDocuments.decode(current)).get("Statement");
			if (existing != null) {
				for (JsonNode statement : existing.isArray() ? existing : List.of(existing)) {
					if (!S3Buckets.TLS_STATEMENT.equals(statement.path("Sid").asString(""))) {
						statements.add(statement);
					}
				}
			}
		}
		Map<String, Object> tls = new LinkedHashMap<>();
		tls.put("Sid", S3Buckets.TLS_STATEMENT);
		tls.put("Effect", "Deny");
		tls.put("Principal", "*");
		tls.put("Action", "s3:*");
		tls.put("Resource",
				List.of("arn:" + partition + ":s3:::" + bucket, "arn:" + partition + ":s3:::" + bucket + "/*"));
		tls.put("Condition", Map.of("Bool", Map.of("aws:SecureTransport", "false")));
		statements.add(tls);
		Map<String, Object> policy = new LinkedHashMap<>();
		policy.put("Version", "2012-10-17");
		policy.put("Statement", statements);
		return PolicyDocuments.write(policy);
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.reconcile;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedPolicy;
import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedRole;
import uk.gov.analyticalplatform.dataaccess.internal.policy.NamedPolicy;

/**
 * What AWS reported after an apply, stored as JSON in
 * {@code access_roles.applied_policies}.
 */
final class AppliedJson {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AppliedJson() {
	}

	static String write(AwsGateway.AppliedRole role, Instant readAt) {
		List<Map<String, String>> policies = new ArrayList<>();
		policies.add(Map.of("name", "trust", "document", role.trustPolicy()));
		for (NamedPolicy policy : role.policies()) {
			policies.add(Map.of("name", policy.name(), "document", policy.document()));
		}
		Map<String, Object> document = new LinkedHashMap<>();
		document.put("roleArn", role.roleArn());
		document.put("policies", policies);
		document.put("lakeFormation", role.lakeFormation());
		document.put("readAt", readAt.toString());
		return json.writeValueAsString(document);
	}

	static AppliedRole read(String stored) {
		if (stored == null) {
			return null;
		}
		JsonNode node = json.readTree(stored);
		List<AppliedPolicy> policies = new ArrayList<>();
		node.get("policies")
			.forEach((policy) -> policies
				.add(new AppliedPolicy(policy.get("name").asString(), policy.get("document").asString())));
		List<String> lakeFormation = new ArrayList<>();
		node.get("lakeFormation").forEach((grant) -> lakeFormation.add(grant.asString()));
		return new AppliedRole(node.get("roleArn").asString(), policies, lakeFormation,
				Instant.parse(node.get("readAt").asString()));
	}

}

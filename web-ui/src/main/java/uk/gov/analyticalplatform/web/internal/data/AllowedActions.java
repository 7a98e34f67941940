package uk.gov.analyticalplatform.web.internal.data;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedPolicy;
import uk.gov.analyticalplatform.dataaccess.UserAccess.AppliedRole;

/**
 * What AWS allows, read from the policies applied to a user's role, written for people:
 * each permission statement as its effect, actions, resources (S3 ARNs as {@code s3://}
 * locations) and the prefixes a listing is limited to. The trust policy is left out: it
 * says who may assume the role, not what the role may do.
 */
final class AllowedActions {

	private static final JsonMapper json = JsonMapper.builder().build();

	private AllowedActions() {
	}

	static List<Rule> of(AppliedRole role) {
		List<Rule> rules = new ArrayList<>();
		if (role == null) {
			return rules;
		}
		for (AppliedPolicy policy : role.policies()) {
			if (!"trust".equals(policy.name())) {
				rules.addAll(rules(policy));
			}
		}
		return rules;
	}

	private static List<Rule> rules(AppliedPolicy policy) {
		List<Rule> rules = new ArrayList<>();
		try {
			JsonNode statements = json.readTree(policy.document()).path("Statement");
			for (JsonNode statement : statements.isArray() ? statements : List.of(statements)) {
				rules.add(new Rule(policy.name(), statement.path("Effect").asString(""),
						strings(statement.path("Action")),
						strings(statement.path("Resource")).stream().map(AllowedActions::readable).toList(),
						prefixes(statement.path("Condition"))));
			}
		}
		catch (JacksonException ex) {
			rules.add(new Rule(policy.name(), "Unreadable", List.of(), List.of(), List.of()));
		}
		return rules;
	}

	private static List<String> prefixes(JsonNode condition) {
		List<String> prefixes = new ArrayList<>();
		for (JsonNode operator : condition) {
			prefixes.addAll(strings(operator.path("s3:prefix")));
		}
		return prefixes;
	}

	private static List<String> strings(JsonNode node) {
		List<String> values = new ArrayList<>();
		if (node.isArray()) {
			node.forEach((value) -> values.add(value.asString()));
		}
		else if (node.isString()) {
			values.add(node.asString());
		}
		return values;
	}

	static String readable(String resource) {
		return resource.startsWith("arn:aws:s3:::") ? "s3://" + resource.substring("arn:aws:s3:::".length()) : resource;
	}

	/**
	 * One statement.
	 *
	 * @param policy the policy it is in
	 * @param effect Allow or Deny
	 * @param actions the actions
	 * @param resources what they apply to
	 * @param prefixes the prefixes a bucket listing is limited to, if any
	 */
	record Rule(String policy, String effect, List<String> actions, List<String> resources, List<String> prefixes) {

	}

}

package uk.gov.analyticalplatform.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The chart's RBAC rules ({@code files/rbac-rules.yaml}): the one list the ClusterRole is
 * made from.
 */
record RbacRules(List<Rule> rules) {

	/**
	 * Every verb the API server knows for plain resources, so that none is overlooked.
	 */
	static final List<String> ALL_VERBS = List.of("get", "list", "watch", "create", "update", "patch", "delete",
			"deletecollection");

	/**
	 * One rule.
	 *
	 * @param pending the code that needs it has not landed yet
	 */
	record Rule(List<String> apiGroups, List<String> resources, List<String> verbs, String usedBy, boolean pending) {

	}

	@SuppressWarnings("unchecked")
	static RbacRules load() {
		try {
			Map<String, Object> file = Manifests
				.parseOne(Files.readString(Helm.CHART.resolve("files/rbac-rules.yaml")));
			List<Rule> rules = ((List<Map<String, Object>>) file.get("rules")).stream()
				.map((rule) -> new Rule((List<String>) rule.get("apiGroups"), (List<String>) rule.get("resources"),
						(List<String>) rule.get("verbs"), (String) rule.get("usedBy"),
						Boolean.TRUE.equals(rule.get("pending"))))
				.toList();
			return new RbacRules(rules);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Group and resource, as {@code apps/deployments} or {@code /pods} for the core
	 * group.
	 */
	static String key(String group, String resource) {
		return group + "/" + resource;
	}

}

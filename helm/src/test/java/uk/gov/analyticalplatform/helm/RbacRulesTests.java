package uk.gov.analyticalplatform.helm;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.helm.fixture.ReadsDeployments;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's RBAC against the code: every Kubernetes kind a module's production code
 * builds, reads or watches is granted, nothing is granted that no code uses (rules marked
 * {@code pending} wait for code that has not landed, and lose the mark when it does), and
 * no rule has a wildcard or a verb the adapter never calls, nor grants a verb on a kind
 * that no code path calls ({@link UsedVerbs}).
 */
class RbacRulesTests {

	private static final Set<String> ADAPTER_VERBS = Set.of("get", "list", "watch", "create", "patch", "delete");

	private final RbacRules rules = RbacRules.load();

	@Test
	void noRuleHasAWildcardOrAVerbTheAdapterNeverCalls() {
		assertThat(this.rules.rules()).isNotEmpty().allSatisfy((rule) -> {
			assertThat(rule.apiGroups()).doesNotContain("*");
			assertThat(rule.resources()).doesNotContain("*");
			assertThat(rule.verbs()).isSubsetOf(ADAPTER_VERBS);
			assertThat(rule.usedBy()).isNotBlank();
		});
	}

	@Test
	void everyKindTheCodeUsesIsGranted() {
		Map<String, String> used = kindsUsedByProductionCode();
		Map<String, RbacRules.Rule> granted = granted();

		assertThat(used.keySet()).as("kinds used by production code (and where)\n%s", used)
			.allSatisfy((kind) -> assertThat(granted).containsKey(kind));
	}

	@Test
	void nothingIsGrantedThatNoCodeUses() {
		Map<String, String> used = kindsUsedByProductionCode();

		granted().forEach((kind, rule) -> {
			if (rule.pending()) {
				assertThat(used).as("%s is used now: remove its rule's pending mark", kind).doesNotContainKey(kind);
			}
			else {
				assertThat(used).as("%s is granted but no production code uses it", kind).containsKey(kind);
			}
		});
	}

	@Test
	void noRuleGrantsAVerbTheCodeNeverCalls() {
		assertThat(UsedVerbs.unusedGrants(this.rules, UsedVerbs.verbs(productionClasses())))
			.as("granted (resource, verb) that no code path calls through KubernetesObjects")
			.isEmpty();
	}

	@Test
	void aGrantedVerbThatNoCodeCallsIsReported() {
		JavaClasses fixture = new ClassFileImporter().importClasses(ReadsDeployments.class);
		RbacRules readAndDelete = new RbacRules(List.of(new RbacRules.Rule(List.of("apps"), List.of("deployments"),
				List.of("get", "delete"), "fixture", false)));

		assertThat(UsedVerbs.verbs(fixture)).containsEntry("apps/deployments", Set.of("get"));
		assertThat(UsedVerbs.unusedGrants(readAndDelete, UsedVerbs.verbs(fixture)))
			.containsExactly("apps/deployments delete");
	}

	private Map<String, RbacRules.Rule> granted() {
		Map<String, RbacRules.Rule> granted = new HashMap<>();
		for (RbacRules.Rule rule : this.rules.rules()) {
			for (String group : rule.apiGroups()) {
				for (String resource : rule.resources()) {
					granted.put(RbacRules.key(group, resource), rule);
				}
			}
		}
		return granted;
	}

	private static JavaClasses productionClasses() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("uk.gov.analyticalplatform");
		// the modules whose reconcilers call Kubernetes are on the class path, or this
		// proves nothing
		assertThat(classes.containPackage("uk.gov.analyticalplatform.kubernetes.internal")).isTrue();
		assertThat(classes.containPackage("uk.gov.analyticalplatform.toollauncher")).isTrue();
		assertThat(classes.containPackage("uk.gov.analyticalplatform.appdeploy")).isTrue();
		return classes;
	}

	/**
	 * Group/resource of every fabric8 model kind the platform's production classes refer
	 * to (class literals, builders, fields, parameters), with one class that does.
	 */
	private static Map<String, String> kindsUsedByProductionCode() {
		return UsedVerbs.kinds(productionClasses());
	}

}

package uk.gov.analyticalplatform.helm;

import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.fabric8.kubernetes.api.model.HasMetadata;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chart's RBAC against the code: every Kubernetes kind a module's production code
 * builds, reads or watches is granted, nothing is granted that no code uses (rules marked
 * {@code pending} wait for code that has not landed, and lose the mark when it does), and
 * no rule has a wildcard or a verb the adapter never calls.
 */
class RbacRulesTests {

	/**
	 * The in-JVM simulator of the local setup stands in for a cluster; it never calls
	 * one.
	 */
	private static final String SIMULATOR = "uk.gov.analyticalplatform.kubernetes.internal.simulator";

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

	/**
	 * Group/resource of every fabric8 model kind the platform's production classes refer
	 * to (class literals, builders, fields, parameters), with one class that does.
	 */
	private static Map<String, String> kindsUsedByProductionCode() {
		JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages("uk.gov.analyticalplatform");
		// the modules whose reconcilers call Kubernetes are on the class path, or this
		// proves nothing
		assertThat(classes.containPackage("uk.gov.analyticalplatform.kubernetes.internal")).isTrue();
		assertThat(classes.containPackage("uk.gov.analyticalplatform.toollauncher")).isTrue();
		assertThat(classes.containPackage("uk.gov.analyticalplatform.appdeploy")).isTrue();
		Map<String, String> used = new TreeMap<>();
		for (JavaClass owner : classes) {
			if (owner.getPackageName().startsWith(SIMULATOR)) {
				continue;
			}
			for (Dependency dependency : owner.getDirectDependenciesFromSelf()) {
				Class<? extends HasMetadata> kind = kind(dependency.getTargetClass());
				if (kind != null) {
					used.putIfAbsent(RbacRules.key(HasMetadata.getGroup(kind), HasMetadata.getPlural(kind)),
							owner.getName());
				}
			}
		}
		return used;
	}

	/**
	 * The model kind a class is, or builds ({@code DeploymentBuilder} builds a
	 * Deployment).
	 */
	private static Class<? extends HasMetadata> kind(JavaClass target) {
		String name = target.getName();
		if (!name.startsWith("io.fabric8.kubernetes.api.model")) {
			return null;
		}
		String kindName = name.replaceAll("(Builder|Fluent)$", "");
		try {
			Class<?> type = Class.forName(kindName);
			return (HasMetadata.class.isAssignableFrom(type) && !type.isInterface()
					&& !Modifier.isAbstract(type.getModifiers())) ? type.asSubclass(HasMetadata.class) : null;
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

}

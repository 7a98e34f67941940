package uk.gov.analyticalplatform.helm;

import java.lang.reflect.Modifier;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import io.fabric8.kubernetes.api.model.HasMetadata;

import uk.gov.analyticalplatform.kubernetes.KubernetesObjects;

/**
 * Which (kind, verb) pairs the production code can make the API server see, read from the
 * classes: a module's code reaches Kubernetes only through the adapter's
 * {@link KubernetesObjects}, whose methods each call a known set of verbs, on the kinds
 * that module's classes refer to (class literals, builders, fields, parameters). So a
 * module that only {@code get}s and {@code watch}es gives its kinds get, list and watch;
 * a module that {@code converge}s gives them create, patch and delete too.
 */
final class UsedVerbs {

	/** What the API server sees for each adapter method (Fabric8Objects). */
	static final Map<String, List<String>> ADAPTER = Map.of("converge",
			List.of("get", "create", "patch", "list", "delete"), "create", List.of("create", "patch"), "apply",
			List.of("get", "create", "patch"), "get", List.of("get"), "owned", List.of("list"), "watch",
			List.of("list", "watch"));

	private static final String ROOT = "uk.gov.analyticalplatform.";

	/**
	 * The in-JVM simulator of the local setup stands in for a cluster; it never calls
	 * one.
	 */
	private static final String SIMULATOR = "uk.gov.analyticalplatform.kubernetes.internal.simulator";

	/** Test support (platform-testing), on the class path but never in the image. */
	private static final String TEST_SUPPORT = "uk.gov.analyticalplatform.testing";

	/** The adapter itself: its kinds are whatever its callers pass. */
	private static final String ADAPTER_MODULE = "kubernetes";

	private UsedVerbs() {
	}

	/** Group/resource of every kind the code refers to, with one class that does. */
	static Map<String, String> kinds(JavaClasses classes) {
		Map<String, String> used = new TreeMap<>();
		for (JavaClass owner : classes) {
			if (owner.getPackageName().startsWith(SIMULATOR) || owner.getPackageName().startsWith(TEST_SUPPORT)) {
				continue;
			}
			for (Dependency dependency : owner.getDirectDependenciesFromSelf()) {
				Class<? extends HasMetadata> kind = kind(dependency.getTargetClass());
				if (kind != null) {
					used.putIfAbsent(key(kind), owner.getName());
				}
			}
		}
		return used;
	}

	/** For each group/resource, the verbs some module's code can call on it. */
	static Map<String, Set<String>> verbs(JavaClasses classes) {
		Map<String, Set<String>> kindsByModule = new TreeMap<>();
		Map<String, Set<String>> verbsByModule = new TreeMap<>();
		for (JavaClass owner : classes) {
			String module = module(owner);
			if (module == null || module.equals(ADAPTER_MODULE) || owner.getPackageName().startsWith(TEST_SUPPORT)) {
				continue;
			}
			for (Dependency dependency : owner.getDirectDependenciesFromSelf()) {
				Class<? extends HasMetadata> kind = kind(dependency.getTargetClass());
				if (kind != null) {
					kindsByModule.computeIfAbsent(module, (m) -> new TreeSet<>()).add(key(kind));
				}
			}
			for (JavaMethodCall call : owner.getMethodCallsFromSelf()) {
				if (call.getTargetOwner().isAssignableTo(KubernetesObjects.class)
						&& ADAPTER.containsKey(call.getName())) {
					verbsByModule.computeIfAbsent(module, (m) -> new TreeSet<>()).addAll(ADAPTER.get(call.getName()));
				}
			}
		}
		Map<String, Set<String>> verbs = new TreeMap<>();
		kindsByModule
			.forEach((module, kinds) -> kinds.forEach((kind) -> verbs.computeIfAbsent(kind, (k) -> new TreeSet<>())
				.addAll(verbsByModule.getOrDefault(module, Set.of()))));
		return verbs;
	}

	/**
	 * Every (group/resource, verb) that a rule not marked pending grants and no code can
	 * call, as {@code "apps/deployments delete"}.
	 */
	static Set<String> unusedGrants(RbacRules rules, Map<String, Set<String>> used) {
		Set<String> unused = new TreeSet<>();
		for (RbacRules.Rule rule : rules.rules()) {
			if (rule.pending()) {
				continue;
			}
			for (String group : rule.apiGroups()) {
				for (String resource : rule.resources()) {
					String key = RbacRules.key(group, resource);
					for (String verb : rule.verbs()) {
						if (!used.getOrDefault(key, Set.of()).contains(verb)) {
							unused.add(key + " " + verb);
						}
					}
				}
			}
		}
		return unused;
	}

	private static String module(JavaClass owner) {
		String name = owner.getPackageName();
		if (!name.startsWith(ROOT)) {
			return null;
		}
		String rest = name.substring(ROOT.length());
		int dot = rest.indexOf('.');
		return (dot < 0) ? rest : rest.substring(0, dot);
	}

	private static String key(Class<? extends HasMetadata> kind) {
		return RbacRules.key(HasMetadata.getGroup(kind), HasMetadata.getPlural(kind));
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

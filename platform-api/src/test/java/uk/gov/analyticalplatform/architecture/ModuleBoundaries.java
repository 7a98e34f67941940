package uk.gov.analyticalplatform.architecture;

import java.util.ArrayList;
import java.util.List;

import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The module rules of {@code shared/DESIGN.md} as ArchUnit rules over a root package, so
 * that the same rules check the product and, in tests of the rules themselves, fixtures
 * that break them.
 */
final class ModuleBoundaries {

	static final List<String> CAPABILITIES = List.of("audit", "identity", "dataaccess", "toollauncher", "appdeploy");

	static final List<String> ALL_MODULES = List.of("audit", "identity", "dataaccess", "toollauncher", "appdeploy",
			"web", "api");

	private ModuleBoundaries() {
	}

	static List<ArchRule> rules(String root) {
		List<ArchRule> rules = new ArrayList<>();
		rules.add(capabilitiesDoNotDependOnTheApplication(root));
		rules.add(auditDependsOnNoOtherModule(root));
		for (String module : ALL_MODULES) {
			rules.add(internalsStayInside(root, module));
		}
		rules.add(sdkStaysAtTheEdge(root, "software.amazon.awssdk..", root + ".dataaccess.internal.aws.."));
		rules.add(sdkStaysAtTheEdge(root, "io.fabric8.kubernetes.client..",
				root + ".toollauncher.internal.kubernetes..", root + ".appdeploy.internal.kubernetes.."));
		return rules;
	}

	static ArchRule capabilitiesDoNotDependOnTheApplication(String root) {
		return noClasses().that()
			.resideInAnyPackage(packages(root, CAPABILITIES))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(root + ".api..", root + ".web..")
			.because("capability modules sit below platform-api and web-ui")
			.allowEmptyShould(true);
	}

	static ArchRule auditDependsOnNoOtherModule(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".audit..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(root, ALL_MODULES.stream().filter((m) -> !m.equals("audit")).toList()))
			.because("every module records audit events, so audit depends on none of them")
			.allowEmptyShould(true);
	}

	static ArchRule internalsStayInside(String root, String module) {
		return noClasses().that()
			.resideOutsideOfPackage(root + "." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + "." + module + ".internal..")
			.because("a module's root package is its API; its internals are its own")
			.allowEmptyShould(true);
	}

	static ArchRule sdkStaysAtTheEdge(String root, String sdk, String... adapters) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackages(adapters)
			.should()
			.dependOnClassesThat()
			.resideInAPackage(sdk)
			.because("SDK types stay inside their adapter")
			.allowEmptyShould(true);
	}

	private static String[] packages(String root, List<String> modules) {
		return modules.stream().map((module) -> root + "." + module + "..").toArray(String[]::new);
	}

}

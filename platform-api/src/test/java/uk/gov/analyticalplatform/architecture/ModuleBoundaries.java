package uk.gov.analyticalplatform.architecture;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module rules of {@code shared/DESIGN.md} as ArchUnit rules over a root package, so
 * that the same rules check the product and, in tests of the rules themselves, fixtures
 * that break them.
 * <p>
 * The layers, from the bottom: {@code audit} and the {@code reconcile} kernel depend on
 * no other module; the {@code kubernetes} adapter depends on no capability module; the
 * capability modules talk to each other only through their root packages; web-ui and
 * platform-api sit on top. {@code bench} is a white-box measuring tool: it may read the
 * internals it measures, and nothing depends on it.
 */
final class ModuleBoundaries {

	static final List<String> CAPABILITIES = List.of("audit", "identity", "dataaccess", "toollauncher", "appdeploy");

	static final List<String> APPLICATION = List.of("web", "api");

	static final List<String> ALL_MODULES = Stream.of(CAPABILITIES, List.of("reconcile", "kubernetes"), APPLICATION)
		.flatMap(List::stream)
		.toList();

	/**
	 * The internals bench measures: the policy compiler and the effective-access query.
	 */
	static final List<String> MEASURED_INTERNALS = List.of("dataaccess.internal.policy", "dataaccess.internal.access");

	static final String AWS_SDK = "software.amazon.awssdk..";

	static final String KUBERNETES_CLIENT = "io.fabric8.kubernetes.client..";

	static final String KUBERNETES_MODEL = "io.fabric8.kubernetes.api.model..";

	private ModuleBoundaries() {
	}

	static List<ArchRule> rules(String root) {
		List<ArchRule> rules = new ArrayList<>();
		rules.add(capabilitiesDoNotDependOnTheApplication(root));
		rules.add(auditDependsOnNoOtherModule(root));
		rules.add(kernelDependsOnNoOtherModule(root));
		rules.add(kernelUsesNoSdk(root));
		rules.add(kubernetesAdapterDependsOnNoCapability(root));
		for (String module : ALL_MODULES) {
			rules.add(internalsStayInside(root, module));
		}
		rules.add(awsSdkStaysInItsAdapter(root));
		rules.add(kubernetesClientStaysInTheAdapters(root));
		rules.add(kubernetesModelStaysInKubernetesCode(root));
		rules.add(pureBuildersDoNoIo(root));
		rules.add(benchReadsOnlyTheInternalsItMeasures(root));
		rules.add(nothingDependsOnTheBench(root));
		rules.add(modulesHaveNoCycles(root));
		rules.add(packagesHaveNoCycles(root));
		return rules;
	}

	static ArchRule capabilitiesDoNotDependOnTheApplication(String root) {
		return noClasses().that()
			.resideInAnyPackage(packages(root, CAPABILITIES))
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(root, APPLICATION))
			.because("capability modules sit below platform-api and web-ui")
			.allowEmptyShould(true);
	}

	static ArchRule auditDependsOnNoOtherModule(String root) {
		return dependsOnNoOtherModule(root, "audit")
			.because("every module records audit events, so audit depends on none of them");
	}

	static ArchRule kernelDependsOnNoOtherModule(String root) {
		return dependsOnNoOtherModule(root, "reconcile")
			.because("the reconcile kernel sits below the capability modules and the Kubernetes adapter");
	}

	static ArchRule kernelUsesNoSdk(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".reconcile..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(AWS_SDK, "io.fabric8..")
			.because("the reconcile kernel serves AWS and Kubernetes reconcilers alike and knows neither SDK")
			.allowEmptyShould(true);
	}

	static ArchRule kubernetesAdapterDependsOnNoCapability(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".kubernetes..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(root, Stream.concat(CAPABILITIES.stream(), APPLICATION.stream()).toList()))
			.because("the Kubernetes adapter serves the capability modules and depends on none of them")
			.allowEmptyShould(true);
	}

	static ArchRule internalsStayInside(String root, String module) {
		return noClasses().that()
			.resideOutsideOfPackages(root + "." + module + "..", root + ".bench..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + "." + module + ".internal..")
			.because("a module's root package is its API; its internals are its own")
			.allowEmptyShould(true);
	}

	static ArchRule awsSdkStaysInItsAdapter(String root) {
		return sdkStaysAtTheEdge(root, AWS_SDK, root + ".dataaccess.internal.aws..");
	}

	/**
	 * The fabric8 client is used by the {@code kubernetes} module (the client and the
	 * server-side-apply helper) and by the tool launcher's and app deployment's own
	 * Kubernetes adapters; and by the test support ({@code platform-testing}, never in
	 * the image), whose {@code ChartServiceAccount} sets up the chart's RBAC for the
	 * tests that run as it.
	 */
	static ArchRule kubernetesClientStaysInTheAdapters(String root) {
		return sdkStaysAtTheEdge(root, KUBERNETES_CLIENT, root + ".kubernetes..",
				root + ".toollauncher.internal.kubernetes..", root + ".appdeploy.internal.kubernetes..",
				root + ".testing..");
	}

	private static ArchRule sdkStaysAtTheEdge(String root, String sdk, String... adapters) {
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

	/**
	 * fabric8's model types (plain objects, no I/O) may be built by the Kubernetes
	 * adapter and by the internals of the modules that run workloads, in their pure
	 * builders; never in a module's API, in other modules or in the application. The test
	 * support applies the chart's RBAC objects for the tests
	 * ({@code ChartServiceAccount}).
	 */
	static ArchRule kubernetesModelStaysInKubernetesCode(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackages(root + ".kubernetes..", root + ".toollauncher.internal..",
					root + ".appdeploy.internal..", root + ".testing..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(KUBERNETES_MODEL)
			.because("Kubernetes objects are built inside the modules that run workloads, not passed around")
			.allowEmptyShould(true);
	}

	/**
	 * Desired state is built by functions with no I/O ({@code desired(spec) → objects}):
	 * a class named as a builder ({@code XxxManifests}, {@code DesiredXxx}) uses no
	 * client, no SDK and no database, wherever it lives.
	 */
	static ArchRule pureBuildersDoNoIo(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and(namedAsABuilder())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(KUBERNETES_CLIENT, AWS_SDK, "java.sql..", "javax.sql..", "org.springframework.jdbc..")
			.because("pure builders may use only model types; applying them is the adapter's job")
			.allowEmptyShould(true);
	}

	static ArchRule benchReadsOnlyTheInternalsItMeasures(String root) {
		return noClasses().that()
			.resideInAPackage(root + ".bench..")
			.should()
			.dependOnClassesThat(internalOf(root).and(notIn(root, MEASURED_INTERNALS)))
			.because("bench measures the policy compiler and the effective-access query from inside, nothing else")
			.allowEmptyShould(true);
	}

	static ArchRule nothingDependsOnTheBench(String root) {
		return noClasses().that()
			.resideInAPackage(root + "..")
			.and()
			.resideOutsideOfPackage(root + ".bench..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage(root + ".bench..")
			.because("bench is a measuring tool, not part of the product")
			.allowEmptyShould(true);
	}

	static ArchRule modulesHaveNoCycles(String root) {
		return slices().matching(root + ".(*)..")
			.namingSlices("module $1")
			.should()
			.beFreeOfCycles()
			.because("dependencies between modules point one way")
			.allowEmptyShould(true);
	}

	static ArchRule packagesHaveNoCycles(String root) {
		return slices().matching(root + ".(**)")
			.namingSlices("package $1")
			.should()
			.beFreeOfCycles()
			.because("within a module, too, a feature's package depends on others one way")
			.allowEmptyShould(true);
	}

	private static ArchRule dependsOnNoOtherModule(String root, String module) {
		return noClasses().that()
			.resideInAPackage(root + "." + module + "..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(packages(root, ALL_MODULES.stream().filter((m) -> !m.equals(module)).toList()))
			.allowEmptyShould(true);
	}

	private static DescribedPredicate<JavaClass> namedAsABuilder() {
		return DescribedPredicate.describe("are named as pure builders (*Manifests, Desired*)",
				(javaClass) -> javaClass.getSimpleName().endsWith("Manifests")
						|| javaClass.getSimpleName().startsWith("Desired"));
	}

	private static DescribedPredicate<JavaClass> internalOf(String root) {
		return DescribedPredicate.describe("are a module's internals",
				(javaClass) -> javaClass.getPackageName().startsWith(root + ".")
						&& (javaClass.getPackageName() + ".").contains(".internal."));
	}

	private static DescribedPredicate<JavaClass> notIn(String root, List<String> packages) {
		return DescribedPredicate.describe("are not measured",
				(javaClass) -> packages.stream()
					.map((name) -> root + "." + name)
					.noneMatch((name) -> javaClass.getPackageName().equals(name)
							|| javaClass.getPackageName().startsWith(name + ".")));
	}

	private static String[] packages(String root, List<String> modules) {
		return modules.stream().map((module) -> root + "." + module + "..").toArray(String[]::new);
	}

}

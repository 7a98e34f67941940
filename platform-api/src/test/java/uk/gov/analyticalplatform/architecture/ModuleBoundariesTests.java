package uk.gov.analyticalplatform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The product keeps every rule of {@link ModuleBoundaries}, and each rule catches the
 * fixture (under {@code fixture}) that breaks it, and only that.
 */
class ModuleBoundariesTests {

	private static final String PRODUCT = "uk.gov.analyticalplatform";

	private static final String FIXTURES = "uk.gov.analyticalplatform.architecture.fixture";

	private static final JavaClasses fixtures = new ClassFileImporter().importPackages(FIXTURES);

	@Test
	void theProductKeepsEveryModuleBoundary() {
		JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(PRODUCT);
		assertThat(product.stream().map((c) -> c.getPackageName()).distinct())
			.anyMatch((name) -> name.startsWith(PRODUCT + ".api"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".audit"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".identity"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".dataaccess.internal"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".reconcile"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".kubernetes.internal"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".web.internal"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".bench"));
		for (ArchRule rule : ModuleBoundaries.rules(PRODUCT)) {
			rule.check(product);
		}
	}

	@Test
	void aCapabilityModuleThatReachesIntoAnothersInternalsIsCaught() {
		assertThat(violations(ModuleBoundaries.internalsStayInside(FIXTURES, "dataaccess")))
			.contains("toollauncher.Peeker")
			.doesNotContain("bench.Measures");
	}

	@Test
	void theApplicationThatReachesIntoWebUiInternalsIsCaught() {
		assertThat(violations(ModuleBoundaries.internalsStayInside(FIXTURES, "web"))).contains("api.PeeksAtPages");
	}

	@Test
	void aCapabilityModuleThatDependsOnTheApplicationIsCaught() {
		assertThat(violations(ModuleBoundaries.capabilitiesDoNotDependOnTheApplication(FIXTURES)))
			.contains("appdeploy.ClimbsUp");
	}

	@Test
	void auditThatDependsOnAnotherModuleIsCaught() {
		assertThat(violations(ModuleBoundaries.auditDependsOnNoOtherModule(FIXTURES))).contains("audit.ReadsAccounts");
	}

	@Test
	void theKernelThatDependsOnACapabilityModuleIsCaught() {
		assertThat(violations(ModuleBoundaries.kernelDependsOnNoOtherModule(FIXTURES))).contains("reconcile.ReachesUp");
	}

	@Test
	void theKernelThatUsesAnSdkIsCaught() {
		assertThat(violations(ModuleBoundaries.kernelUsesNoSdk(FIXTURES))).contains("reconcile.KnowsKubernetes");
	}

	@Test
	void theKubernetesAdapterThatDependsOnACapabilityModuleIsCaught() {
		assertThat(violations(ModuleBoundaries.kubernetesAdapterDependsOnNoCapability(FIXTURES)))
			.contains("kubernetes.ReachesUp")
			.doesNotContain("kubernetes.Applier");
	}

	@Test
	void theKubernetesClientOutsideTheAdaptersIsCaught() {
		assertThat(violations(ModuleBoundaries.kubernetesClientStaysInTheAdapters(FIXTURES)))
			.contains("dataaccess.Watches")
			.doesNotContain("kubernetes.Applier", "toollauncher.internal.kubernetes.ToolPods");
	}

	@Test
	void theAwsSdkOutsideItsAdapterIsCaught() {
		assertThat(violations(ModuleBoundaries.awsSdkStaysInItsAdapter(FIXTURES))).contains("identity.SignsRequests")
			.doesNotContain("dataaccess.internal.aws.Buckets");
	}

	@Test
	void kubernetesModelTypesOutsideKubernetesCodeAreCaught() {
		assertThat(violations(ModuleBoundaries.kubernetesModelStaysInKubernetesCode(FIXTURES)))
			.contains("identity.SessionObjects", "reconcile.KnowsKubernetes")
			.doesNotContain("kubernetes.Applier", "toollauncher.internal.ToolManifests");
	}

	@Test
	void aBuilderThatCallsTheClientIsCaughtEvenInsideAnAdapter() {
		assertThat(violations(ModuleBoundaries.pureBuildersDoNoIo(FIXTURES)))
			.contains("appdeploy.internal.kubernetes.AppManifests")
			.doesNotContain("toollauncher.internal.ToolManifests");
	}

	@Test
	void benchThatReadsAnInternalItDoesNotMeasureIsCaught() {
		assertThat(violations(ModuleBoundaries.benchReadsOnlyTheInternalsItMeasures(FIXTURES)))
			.contains("dataaccess.internal.Secret")
			.doesNotContain("internal.policy.Compiler");
	}

	@Test
	void theProductThatDependsOnBenchIsCaught() {
		assertThat(violations(ModuleBoundaries.nothingDependsOnTheBench(FIXTURES))).contains("identity.UsesBench");
	}

	@Test
	void aCycleBetweenModulesIsCaught() {
		assertThat(violations(ModuleBoundaries.modulesHaveNoCycles(FIXTURES))).contains("module identity",
				"module toollauncher");
	}

	@Test
	void aCycleBetweenPackagesOfOneModuleIsCaught() {
		assertThat(violations(ModuleBoundaries.packagesHaveNoCycles(FIXTURES)))
			.contains("package identity.internal.totp", "package identity.internal.secrets");
	}

	private static String violations(ArchRule rule) {
		EvaluationResult result = rule.evaluate(fixtures);
		assertThat(result.hasViolation()).as("violations of " + rule.getDescription()).isTrue();
		return result.getFailureReport().toString();
	}

}

package uk.gov.analyticalplatform.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModuleBoundariesTests {

	private static final String PRODUCT = "uk.gov.analyticalplatform";

	private static final String FIXTURES = "uk.gov.analyticalplatform.architecture.fixture";

	@Test
	void theProductKeepsEveryModuleBoundary() {
		JavaClasses product = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.importPackages(PRODUCT);
		assertThat(product.stream().map((c) -> c.getPackageName()).distinct())
			.anyMatch((name) -> name.startsWith(PRODUCT + ".api"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".audit"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".identity"))
			.anyMatch((name) -> name.startsWith(PRODUCT + ".web"));
		for (ArchRule rule : ModuleBoundaries.rules(PRODUCT)) {
			rule.check(product);
		}
	}

	@Test
	void aCapabilityModuleThatReachesIntoAnothersInternalsIsCaught() {
		EvaluationResult result = ModuleBoundaries.internalsStayInside(FIXTURES, "dataaccess").evaluate(fixtures());
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("toollauncher.Peeker");
	}

	@Test
	void aCapabilityModuleThatDependsOnTheApplicationIsCaught() {
		EvaluationResult result = ModuleBoundaries.capabilitiesDoNotDependOnTheApplication(FIXTURES)
			.evaluate(fixtures());
		assertThat(result.hasViolation()).isTrue();
		assertThat(result.getFailureReport().toString()).contains("appdeploy.ClimbsUp");
	}

	private static JavaClasses fixtures() {
		return new ClassFileImporter().importPackages(FIXTURES);
	}

}

package uk.gov.analyticalplatform.web.internal.data;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.PathAccess;

import static org.assertj.core.api.Assertions.assertThat;

class PathLinesTests {

	@Test
	void eachNonBlankLineIsOnePathAtTheLevelAskedForOnce() {
		assertThat(PathLines.parse(" a/\r\n\nb/\na/\n", AccessLevel.READ)).containsExactly(PathAccess.read("a/"),
				PathAccess.read("b/"));
	}

	@Test
	void anAdminGrantsPathsAreReadWrite() {
		assertThat(PathLines.parse("a/", AccessLevel.ADMIN)).containsExactly(PathAccess.readWrite("a/"));
	}

	@Test
	void noPathsMeansTheWholeDataset() {
		assertThat(PathLines.parse(null, AccessLevel.READ)).isEmpty();
		assertThat(PathAccess.describe(PathLines.parse("", AccessLevel.READ))).isEqualTo("Whole dataset");
		assertThat(PathAccess.describe(PathLines.parse("a/\nb/", AccessLevel.READ_WRITE)))
			.isEqualTo("a/ (Read and write), b/ (Read and write)");
	}

}

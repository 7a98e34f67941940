package uk.gov.analyticalplatform.dataaccess.internal.catalog;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.GroupRef;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.InvalidPath;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

class DatasetPathsTests {

	static final Dataset S3 = dataset(DatasetKind.S3, List.of());

	static final Dataset ATHENA = dataset(DatasetKind.ATHENA, List.of("hearings", "cases"));

	@Test
	void prefixesAreNormalisedToEndInASlash() {
		assertThat(DatasetPaths.prefix("a")).isEqualTo("a/");
		assertThat(DatasetPaths.prefix("a/b/")).isEqualTo("a/b/");
		assertThat(DatasetPaths.prefix("year=2024/month=01")).isEqualTo("year=2024/month=01/");
		assertThat(DatasetPaths.prefix("")).isEmpty();
		assertThat(DatasetPaths.prefix(null)).isEmpty();
	}

	@Test
	void pathsThatEscapeOrAreMalformedAreInvalid() {
		for (String path : List.of("/a/", "../a", "a/../b", "a//b", "./a", "a b/", "a/*", "/", "a\\b")) {
			assertThatExceptionOfType(InvalidPath.class).as(path).isThrownBy(() -> DatasetPaths.prefix(path));
		}
	}

	@Test
	void aSubPathOfAnS3DatasetIsANonEmptyPrefix() {
		assertThat(DatasetPaths.subPath(S3, "a")).isEqualTo("a/");
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> DatasetPaths.subPath(S3, ""));
	}

	@Test
	void aSubPathOfAnAthenaDatasetIsOneOfItsTables() {
		assertThat(DatasetPaths.subPath(ATHENA, "cases")).isEqualTo("cases");
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> DatasetPaths.subPath(ATHENA, "prisoners"))
			.withMessageContaining("hearings, cases");
		assertThatExceptionOfType(InvalidPath.class).isThrownBy(() -> DatasetPaths.subPath(ATHENA, "Cases"));
	}

	@Test
	void namesBucketsAndGlueNamesAreChecked() {
		assertThatNoException().isThrownBy(() -> DatasetPaths.checkName("prison-population"));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> DatasetPaths.checkName("Prison"));
		assertThatNoException().isThrownBy(() -> DatasetPaths.checkBucket("moj-analytics.data-1"));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> DatasetPaths.checkBucket("ab"));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> DatasetPaths.checkBucket("a..b"));
		assertThatExceptionOfType(InvalidDataset.class)
			.isThrownBy(() -> DatasetPaths.checkGlue("courts", List.of("bad-table")));
	}

	private static Dataset dataset(DatasetKind kind, List<String> tables) {
		return new Dataset(UUID.randomUUID(), "d", "", new GroupRef(UUID.randomUUID(), "g"), Classification.OFFICIAL,
				kind, (kind == DatasetKind.S3) ? "bucket" : null, "", (kind == DatasetKind.S3) ? null : "courts",
				tables, List.of(), new ApplyStatus(ApplyState.READY, null, 1, 1, null), Instant.now(), "admin");
	}

}

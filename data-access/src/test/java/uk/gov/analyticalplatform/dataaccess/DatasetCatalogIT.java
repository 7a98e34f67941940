package uk.gov.analyticalplatform.dataaccess;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.ADMIN;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.ALICE;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.BOB;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.actions;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

/**
 * The catalogue: datasets created by platform admins only, named uniquely; versions make
 * their prefix read-only for writers.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@Import({ DataAccessFixture.Clocks.class, DataAccessServices.Config.class })
class DatasetCatalogIT {

	@Autowired
	DataAccessServices data;

	@Test
	void datasetsAreCreatedByPlatformAdminsOnlyAndNamedUniquely() {
		Dataset dataset = dataset();
		assertThat(actions(this.data.audit(), "dataset", dataset.id())).containsExactly("dataset.created",
				"dataset.admin_added");
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.data.catalog()
			.create(BOB, NewDataset.s3("other", "", dataset.owner().id(), Classification.OFFICIAL, "bucket-x", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.data.catalog()
			.create(ADMIN,
					NewDataset.s3(dataset.name(), "", dataset.owner().id(), Classification.OFFICIAL, "bucket-y", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.data.catalog()
			.create(ADMIN, NewDataset.s3("x" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL,
					dataset.bucket(), "curated")));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> this.data.catalog()
			.create(ADMIN, NewDataset.s3("y" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL,
					"Bad_Bucket", "")));
		assertThat(this.data.catalog().search(dataset.name().substring(0, 12))).extracting(Dataset::id)
			.contains(dataset.id());
		assertThat(this.data.catalog().getByName(dataset.name()).id()).isEqualTo(dataset.id());
		assertThatExceptionOfType(DatasetNotFound.class).isThrownBy(() -> this.data.catalog().get(UUID.randomUUID()));
	}

	@Test
	void registeringAVersionMakesItsPrefixReadOnlyForWriters() {
		Dataset dataset = dataset();
		Caller analyst = analyst();
		this.data.grants()
			.grant(BOB, NewGrant.of(dataset.id(), Principal.user(analyst.asUser()), AccessLevel.READ_WRITE));
		DatasetVersion version = this.data.versions()
			.register(analyst, dataset.id(), new NewDatasetVersion("v1", "versions/v1",
					List.of(new ManifestEntry("part-0.csv", 3, "a".repeat(64)))));
		assertThat(version.s3Uri()).isEqualTo("s3://" + dataset.bucket() + "/curated/versions/v1/");
		assertThat(this.data.versions().list(dataset.id())).extracting(DatasetVersion::id)
			.containsExactly(version.id());
		assertThat(this.data.versions().get(version.id()).manifest()).hasSize(1);
		assertThatExceptionOfType(DuplicateDatasetVersion.class).isThrownBy(() -> this.data.versions()
			.register(analyst, dataset.id(), new NewDatasetVersion("v1", "versions/other", version.manifest())));
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.data.versions()
			.register(ALICE, dataset.id(), new NewDatasetVersion("v2", "versions/v2", version.manifest())));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.data.status().of(analyst.asUser());
			assertThat(access.status().upToDate()).isTrue();
			assertThat(access.applied().policies().get(1).document()).contains("\"Effect\":\"Deny\"")
				.contains(dataset.bucket() + "/curated/versions/v1/*");
		});
		assertThat(actions(this.data.audit(), "dataset", dataset.id())).contains("dataset_version.registered");
	}

	private Dataset dataset() {
		return DataAccessFixture.prisonsDataset(this.data.groups(), this.data.catalog(), BOB);
	}

}

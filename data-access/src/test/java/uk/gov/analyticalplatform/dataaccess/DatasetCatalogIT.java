package uk.gov.analyticalplatform.dataaccess;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.audit.AuditEvents;
import uk.gov.analyticalplatform.testing.PlatformDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.actions;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

/**
 * The catalogue: datasets created by platform admins only, named uniquely; versions make
 * their prefix read-only for writers.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@Import(DataAccessFixture.Clocks.class)
class DatasetCatalogIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final Caller ALICE = Caller.user("u-alice", "alice");

	static final Caller BOB = Caller.user("u-bob", "bob");

	static final Caller CAROL = Caller.user("u-carol", "carol");

	static final Caller DAVE = Caller.user("u-dave", "dave");

	@Autowired
	DatasetCatalog catalog;

	@Autowired
	Groups groups;

	@Autowired
	Grants grants;

	@Autowired
	DatasetVersions versions;

	@Autowired
	AccessStatus status;

	@Autowired
	AuditEvents audit;

	@Test
	void datasetsAreCreatedByPlatformAdminsOnlyAndNamedUniquely() {
		Dataset dataset = dataset();
		assertThat(actions(this.audit, "dataset", dataset.id())).containsExactly("dataset.created",
				"dataset.admin_added");
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.catalog.create(BOB,
				NewDataset.s3("other", "", dataset.owner().id(), Classification.OFFICIAL, "bucket-x", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.catalog.create(ADMIN,
				NewDataset.s3(dataset.name(), "", dataset.owner().id(), Classification.OFFICIAL, "bucket-y", "")));
		assertThatExceptionOfType(DuplicateDataset.class).isThrownBy(() -> this.catalog.create(ADMIN, NewDataset
			.s3("x" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL, dataset.bucket(), "curated")));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> this.catalog.create(ADMIN,
				NewDataset.s3("y" + suffix(), "", dataset.owner().id(), Classification.OFFICIAL, "Bad_Bucket", "")));
		assertThat(this.catalog.search(dataset.name().substring(0, 12))).extracting(Dataset::id).contains(dataset.id());
		assertThat(this.catalog.getByName(dataset.name()).id()).isEqualTo(dataset.id());
		assertThatExceptionOfType(DatasetNotFound.class).isThrownBy(() -> this.catalog.get(UUID.randomUUID()));
	}

	@Test
	void registeringAVersionMakesItsPrefixReadOnlyForWriters() {
		Dataset dataset = dataset();
		Caller analyst = analyst();
		this.grants.grant(BOB, NewGrant.of(dataset.id(), Principal.user(analyst.asUser()), AccessLevel.READ_WRITE));
		DatasetVersion version = this.versions.register(analyst, dataset.id(), new NewDatasetVersion("v1",
				"versions/v1", List.of(new ManifestEntry("part-0.csv", 3, "a".repeat(64)))));
		assertThat(version.s3Uri()).isEqualTo("s3://" + dataset.bucket() + "/curated/versions/v1/");
		assertThat(this.versions.list(dataset.id())).extracting(DatasetVersion::id).containsExactly(version.id());
		assertThat(this.versions.get(version.id()).manifest()).hasSize(1);
		assertThatExceptionOfType(DuplicateDatasetVersion.class).isThrownBy(() -> this.versions.register(analyst,
				dataset.id(), new NewDatasetVersion("v1", "versions/other", version.manifest())));
		assertThatExceptionOfType(PermissionDenied.class).isThrownBy(() -> this.versions.register(ALICE, dataset.id(),
				new NewDatasetVersion("v2", "versions/v2", version.manifest())));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			UserAccess access = this.status.of(analyst.asUser());
			assertThat(access.status().upToDate()).isTrue();
			assertThat(access.applied().policies().get(1).document()).contains("\"Effect\":\"Deny\"")
				.contains(dataset.bucket() + "/curated/versions/v1/*");
		});
		assertThat(actions(this.audit, "dataset", dataset.id())).contains("dataset_version.registered");
	}

	private Dataset dataset() {
		return DataAccessFixture.prisonsDataset(this.groups, this.catalog, BOB);
	}

}

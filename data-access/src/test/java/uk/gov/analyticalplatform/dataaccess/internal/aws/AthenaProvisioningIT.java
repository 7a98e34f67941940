package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.EncryptionOption;
import software.amazon.awssdk.services.athena.model.Tag;
import software.amazon.awssdk.services.athena.model.WorkGroupConfiguration;
import software.amazon.awssdk.services.glue.GlueClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.internal.aws.AwsFaultProxy.Call;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.dataaccess.internal.reconcile.AwsGateway.WorkgroupSpec;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.reconcile.ApplyStatus;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Athena datasets' Glue databases and the Athena workgroup as the reconciler sets them
 * up, new or adopted, on the AWS emulator. The control plane reaches the emulator through
 * {@link AwsFaultProxy}, which here only records the calls, so that a second run can be
 * shown to change nothing.
 */
@SpringBootTest(classes = DataAccessTestApplication.class)
@PlatformDatabase
@DirtiesContext
class AthenaProvisioningIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final String WORKGROUP = "analysts-" + UUID.randomUUID();

	static AwsFaultProxy proxy;

	final GlueClient glue = Moto.client(GlueClient.builder());

	final AthenaClient athena = Moto.client(AthenaClient.builder());

	@Autowired
	DatasetCatalog catalog;

	@Autowired
	Groups groups;

	@Autowired
	AccessStatus status;

	@Autowired
	AwsAdapter aws;

	@Autowired
	DataAccessProperties properties;

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		proxy = AwsFaultProxy.start(PlatformServices.get().awsEndpoint());
		registry.add("platform.aws.endpoint", proxy::endpoint);
		registry.add("platform.data-access.athena-workgroup", () -> WORKGROUP);
	}

	@AfterEach
	void close() {
		this.glue.close();
		this.athena.close();
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@Test
	void creatingAnAthenaDatasetCreatesItsGlueDatabaseAndTheWorkgroupItsUsersQueryThrough() {
		String database = database();
		assertThat(provision(database, List.of()).state()).isEqualTo(ApplyState.READY);

		assertThat(this.glue.getDatabase((r) -> r.name(database)).database().description())
			.contains("Analytical Platform");
		assertThat(glueTags(database)).containsEntry(IamRoles.TAG, owner());
		WorkGroupConfiguration configuration = this.athena.getWorkGroup((r) -> r.workGroup(WORKGROUP))
			.workGroup()
			.configuration();
		assertThat(configuration.enforceWorkGroupConfiguration()).isFalse();
		assertThat(configuration.enableMinimumEncryptionConfiguration()).isTrue();
		assertThat(configuration.resultConfiguration().encryptionConfiguration().encryptionOption())
			.isEqualTo(EncryptionOption.SSE_S3);
		assertThat(configuration.resultConfiguration().outputLocation()).isNull();
		assertThat(this.athena.listTagsForResource((r) -> r.resourceARN(workgroupArn(WORKGROUP))).tags())
			.containsExactly(Tag.builder().key(IamRoles.TAG).value(owner()).build());
	}

	@Test
	void anExistingGlueDatabaseIsAdoptedKeepingItsDescriptionTablesAndTags() {
		String database = database();
		this.glue.createDatabase((r) -> r.databaseInput((d) -> d.name(database).description("Loaded nightly"))
			.tags(Map.of("team", "courts")));
		this.glue.createTable((r) -> r.databaseName(database).tableInput((t) -> t.name("hearings")));

		assertThat(provision(database, List.of("hearings")).state()).isEqualTo(ApplyState.READY);

		assertThat(this.glue.getDatabase((r) -> r.name(database)).database().description()).isEqualTo("Loaded nightly");
		assertThat(glueTags(database)).isEqualTo(Map.of("team", "courts", IamRoles.TAG, owner()));
		assertThat(this.glue.getTables((r) -> r.databaseName(database)).tableList()).extracting((t) -> t.name())
			.containsExactly("hearings");
	}

	@Test
	void aDatasetListingATableNoPipelineHasCreatedYetFailsUntilTheTableExists() {
		String database = database();
		ApplyStatus failed = provision(database, List.of("hearings"));

		assertThat(failed.state()).isEqualTo(ApplyState.FAILED);
		assertThat(failed.reason()).startsWith("Glue table " + database + ".hearings does not exist yet");
		assertThat(glueTags(database)).containsEntry(IamRoles.TAG, owner());

		this.glue.createTable((r) -> r.databaseName(database).tableInput((t) -> t.name("hearings")));
		this.status.resyncNow(ADMIN);
		assertThat(datasetOn(database).status().state()).isEqualTo(ApplyState.READY);
	}

	@Test
	void aGlueDatabaseAnotherInstallationManagesIsLeftAlone() {
		String database = database();
		Map<String, String> theirs = Map.of(IamRoles.TAG, "control-plane:elsewhere");
		this.glue.createDatabase((r) -> r.databaseInput((d) -> d.name(database)).tags(theirs));

		ApplyStatus failed = provision(database, List.of());

		assertThat(failed.state()).isEqualTo(ApplyState.FAILED);
		assertThat(failed.reason())
			.startsWith("Glue database " + database + " is managed by control-plane:elsewhere, not by " + owner());
		assertThat(glueTags(database)).isEqualTo(theirs);
	}

	@Test
	void aSecondRunChangesNothing() {
		String database = database();
		assertThat(provision(database, List.of()).state()).isEqualTo(ApplyState.READY);
		int before = proxy.calls().size();

		this.status.resyncNow(ADMIN);

		List<Call> second = proxy.calls().subList(before, proxy.calls().size());
		assertThat(second).anyMatch((call) -> call.is("glue", "GetDatabase") && call.request().contains(database))
			.anyMatch((call) -> call.is("athena", "ListWorkGroups"))
			.noneMatch((call) -> call.action().matches("(Create|Delete|Put|Tag|Untag|Update).*"));
		assertThat(datasetOn(database).status().state()).isEqualTo(ApplyState.READY);
	}

	@Test
	void anExistingWorkgroupIsUsedAsItIsWhoeverMadeIt() {
		String name = "theirs-" + UUID.randomUUID();
		this.athena.createWorkGroup((r) -> r.name(name)
			.configuration((c) -> c.enforceWorkGroupConfiguration(true)
				.resultConfiguration((result) -> result.outputLocation("s3://their-results/")))
			.tags(Tag.builder().key("team").value("finance").build()));

		assertThat(this.aws.provisionWorkgroup(new WorkgroupSpec(name, null))).isEmpty();

		WorkGroupConfiguration configuration = this.athena.getWorkGroup((r) -> r.workGroup(name))
			.workGroup()
			.configuration();
		assertThat(configuration.enforceWorkGroupConfiguration()).isTrue();
		assertThat(configuration.resultConfiguration().outputLocation()).isEqualTo("s3://their-results/");
		assertThat(this.athena.listTagsForResource((r) -> r.resourceARN(workgroupArn(name))).tags())
			.containsExactly(Tag.builder().key("team").value("finance").build());
	}

	@Test
	void aWorkgroupTheReconcilerCreatesRequiresResultsEncryptedWithTheConfiguredKey() {
		String name = "keyed-" + UUID.randomUUID();
		String key = "arn:aws:kms:eu-west-2:" + this.aws.accountId() + ":key/" + UUID.randomUUID();

		assertThat(this.aws.provisionWorkgroup(new WorkgroupSpec(name, key)))
			.containsExactly("created Athena workgroup " + name);
		assertThat(this.aws.provisionWorkgroup(new WorkgroupSpec(name, key))).isEmpty();

		var encryption = this.athena.getWorkGroup((r) -> r.workGroup(name))
			.workGroup()
			.configuration()
			.resultConfiguration()
			.encryptionConfiguration();
		assertThat(encryption.encryptionOption()).isEqualTo(EncryptionOption.SSE_KMS);
		assertThat(encryption.kmsKey()).isEqualTo(key);
	}

	/** Registers an Athena dataset on the database and waits for the reconciler. */
	private ApplyStatus provision(String database, List<String> tables) {
		String name = database.replace('_', '-');
		return ProvisionedDatasets
			.register(this.catalog, this.groups, name,
					(owners) -> NewDataset.athena(name, "test data", owners, Classification.OFFICIAL, database, tables))
			.status();
	}

	private Dataset datasetOn(String database) {
		return this.catalog.getByName(database.replace('_', '-'));
	}

	private Map<String, String> glueTags(String database) {
		String arn = "arn:aws:glue:eu-west-2:" + this.aws.accountId() + ":database/" + database;
		return this.glue.getTags((r) -> r.resourceArn(arn)).tags();
	}

	private String workgroupArn(String name) {
		return "arn:aws:athena:eu-west-2:" + this.aws.accountId() + ":workgroup/" + name;
	}

	private String owner() {
		return "control-plane:" + this.properties.rolePrefix();
	}

	private static String database() {
		return "courts_" + UUID.randomUUID().toString().substring(0, 8);
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DataAccessTestApplication;
import uk.gov.analyticalplatform.dataaccess.DataAccessServices;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.UserAccess;
import uk.gov.analyticalplatform.dataaccess.internal.aws.AwsFaultProxy.Call;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.PlatformServices;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The reconciler against an AWS that throttles: the SDK clients talk to the emulator
 * through {@link AwsFaultProxy}, which answers chosen calls with AWS's own throttling
 * errors. Throttled calls are retried with backoff (at least half of
 * {@code throttling-backoff} before the second attempt, doubled after), up to
 * {@code max-attempts}; beyond that the user's status fails with a reason and the
 * reconciler tries again after its own backoff.
 */
@SpringBootTest(classes = DataAccessTestApplication.class,
		properties = { "platform.aws.max-attempts=3", "platform.aws.throttling-backoff=200ms" })
@PlatformDatabase
@Import(DataAccessServices.Config.class)
@DirtiesContext
class ThrottledAwsIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	static final Caller BOB = Caller.user("u-bob", "bob");

	static final Duration HALF_THROTTLING_BACKOFF = Duration.ofMillis(100);

	static AwsFaultProxy proxy;

	@Autowired
	DataAccessServices data;

	@Autowired
	DataAccessProperties properties;

	final IamClient iam = Moto.client(IamClient.builder());

	@DynamicPropertySource
	static void throughTheProxy(DynamicPropertyRegistry registry) {
		proxy = AwsFaultProxy.start(PlatformServices.get().awsEndpoint());
		registry.add("platform.aws.endpoint", proxy::endpoint);
	}

	@AfterEach
	void stopThrottling() {
		proxy.stopThrottling();
		this.iam.close();
	}

	@AfterAll
	static void closeProxy() {
		proxy.close();
	}

	@Test
	void throttledCallsAreRetriedWithBackoffAndTheAccessIsApplied() {
		String suffix = suffix();
		String bucket = "throttled-" + suffix;
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		String roleName = roleName(analyst);
		proxy.throttle("s3", "PUT /" + bucket, 1);
		Dataset data = dataset(bucket);
		proxy.throttle("iam", "CreateRole", 2);
		this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ));
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.status().of(analyst.asUser()).status().upToDate()).isTrue());

		assertThat(this.iam.getRole((r) -> r.roleName(roleName)).role().roleName()).isEqualTo(roleName);
		List<Call> createRole = proxy.calls("iam", "CreateRole", roleName);
		assertThat(createRole).extracting(Call::throttled).containsExactly(true, true, false);
		assertThat(Duration.between(createRole.get(0).at(), createRole.get(1).at()))
			.isGreaterThanOrEqualTo(HALF_THROTTLING_BACKOFF);
		assertThat(Duration.between(createRole.get(1).at(), createRole.get(2).at()))
			.isGreaterThanOrEqualTo(HALF_THROTTLING_BACKOFF.multipliedBy(2));
		List<Call> createBucket = proxy.calls("s3", "PUT /" + bucket, bucket);
		assertThat(createBucket).extracting(Call::throttled).containsExactly(true, false);
		assertThat(Duration.between(createBucket.get(0).at(), createBucket.get(1).at()))
			.isGreaterThanOrEqualTo(HALF_THROTTLING_BACKOFF);
	}

	@Test
	void aCallThrottledThroughEveryAttemptFailsTheUserUntilALaterResyncGetsThrough() {
		String suffix = suffix();
		Caller analyst = Caller.user("u-" + suffix, "analyst-" + suffix);
		String roleName = roleName(analyst);
		Dataset data = dataset("throttled-" + suffix);
		proxy.throttle("iam", "PutRolePolicy", Integer.MAX_VALUE);
		this.data.grants().grant(BOB, NewGrant.of(data.id(), Principal.user(analyst.asUser()), AccessLevel.READ));
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			assertThat(proxy.calls("iam", "PutRolePolicy", roleName)).hasSizeGreaterThanOrEqualTo(6);
			assertThat(this.data.status().of(analyst.asUser()).status().state()).isEqualTo(ApplyState.FAILED);
		});

		UserAccess failed = this.data.status().of(analyst.asUser());
		assertThat(failed.status().reason()).startsWith("AWS throttled the control plane's calls")
			.contains("Rate exceeded");
		assertThat(failed.applied()).as("nothing half-applied is reported").isNull();
		assertThat(this.iam.getRole((r) -> r.roleName(roleName)).role().roleName()).isEqualTo(roleName);
		assertThat(this.iam.listRolePolicies((r) -> r.roleName(roleName)).policyNames()).isEmpty();
		List<Call> calls = proxy.calls();
		List<Call> puts = proxy.calls("iam", "PutRolePolicy", roleName);
		assertThat(puts).allMatch(Call::throttled);
		assertThat(calls.subList(calls.indexOf(puts.get(2)), calls.indexOf(puts.get(3))))
			.as("the SDK gives up after max-attempts; the reconciler starts over after its own backoff")
			.anyMatch((call) -> call.is("iam", "GetRole") && call.request().contains(roleName));
		assertThat(Duration.between(puts.get(2).at(), puts.get(3).at()))
			.isGreaterThanOrEqualTo(this.properties.reconciler().baseBackoff());

		proxy.stopThrottling();
		this.data.status().resyncNow(ADMIN);
		UserAccess applied = this.data.status().of(analyst.asUser());
		assertThat(applied.status().upToDate()).as("%s", applied.status()).isTrue();
		assertThat(this.iam.listRolePolicies((r) -> r.roleName(roleName)).policyNames()).containsExactly("data-access");
	}

	@Test
	void aDatasetWhoseBucketCannotBeMadeFailsAndIsTriedAgainAfterItsOwnBackoffNotAtTheNextResync() {
		String bucket = "retried-" + suffix();
		proxy.throttle("s3", "PUT /" + bucket, Integer.MAX_VALUE);
		Group owners = this.data.groups().create(ADMIN, "owners-" + bucket, "");
		Dataset created = this.data.catalog()
			.create(ADMIN, NewDataset.s3(bucket, "test data", owners.id(), Classification.OFFICIAL, bucket, ""));

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
			Dataset failed = this.data.catalog().get(created.id());
			assertThat(failed.status().state()).isEqualTo(ApplyState.FAILED);
			assertThat(failed.status().reason()).startsWith("AWS throttled the control plane's calls");
		});
		// the SDK's three attempts, then the reconciler's own after its backoff; the
		// resync (every hour here) is not what tries again
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(
					() -> assertThat(proxy.calls("s3", "PUT /" + bucket, bucket)).hasSizeGreaterThanOrEqualTo(6));
		List<Call> puts = proxy.calls("s3", "PUT /" + bucket, bucket);
		assertThat(Duration.between(puts.get(2).at(), puts.get(3).at()))
			.isGreaterThanOrEqualTo(this.properties.reconciler().baseBackoff());
		assertThat(this.properties.reconciler().resyncInterval()).isGreaterThan(Duration.ofMinutes(1));

		proxy.stopThrottling();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(this.data.catalog().get(created.id()).status().state())
				.isEqualTo(ApplyState.READY));
		assertThat(this.data.catalog().get(created.id()).status().reason()).isNull();
	}

	@Test
	void anAthenaDatasetWhoseWorkgroupCannotBeMadeFailsWithAReasonNamingTheWorkgroup() {
		String database = "throttled_" + suffix();
		String name = database.replace('_', '-');
		proxy.throttle("athena", "ListWorkGroups", Integer.MAX_VALUE);

		Dataset failed = ProvisionedDatasets.register(this.data.catalog(), this.data.groups(), name,
				(owners) -> NewDataset.athena(name, "test data", owners, Classification.OFFICIAL, database, List.of()));

		assertThat(failed.status().state()).isEqualTo(ApplyState.FAILED);
		assertThat(failed.status().reason()).startsWith("Athena workgroup: AWS throttled the control plane's calls")
			.contains("Rate exceeded");
	}

	private Dataset dataset(String bucket) {
		Dataset dataset = ProvisionedDatasets.register(this.data.catalog(), this.data.groups(), bucket,
				(owners) -> NewDataset.s3(bucket, "test data", owners, Classification.OFFICIAL, bucket, "")
					.withDataAdmins(BOB.asUser()));
		assertThat(dataset.status().state()).as("%s", dataset.status()).isEqualTo(ApplyState.READY);
		return dataset;
	}

	private String roleName(Caller user) {
		return this.properties.rolePrefix() + "_user_" + user.username();
	}

	private static String suffix() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

}

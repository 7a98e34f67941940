package uk.gov.analyticalplatform.dataaccess;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.dataaccess.internal.flows.AccessLogLines;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

/**
 * Data-flow tracking on the AWS emulator: the emulator does not write server access logs,
 * so the test writes them into the log bucket in AWS's format, as S3 would deliver them.
 */
@SpringBootTest(classes = DataAccessTestApplication.class,
		properties = { "platform.data-access.buckets.access-log-bucket=ap-logs-${random.int[100000,999999]}",
				"platform.data-access.flows.poll-interval=200ms" })
@PlatformDatabase
@Import(DataAccessServices.Config.class)
class DataFlowsIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	final S3Client s3 = DataAccessFixture.s3();

	@Autowired
	DataAccessServices data;

	@Autowired
	DataFlows flows;

	@Autowired
	DataAccessProperties properties;

	@Value("${platform.test.database}")
	String database;

	@AfterEach
	void close() {
		this.s3.close();
	}

	@Test
	void readsInTheAccessLogsAreTrackedPerDatasetPathAndUserOnceEach() throws Exception {
		Caller dataAdmin = Caller.user("u-" + suffix(), "admin-" + suffix());
		Dataset dataset = dataset(dataAdmin);
		String role = this.properties.rolePrefix() + "_user_alice";
		Instant at = Instant.parse("2026-12-06T10:15:00Z");
		String first = String.join("\n",
				AccessLogLines.line(dataset.bucket(), at, role, "REST.GET.OBJECT", "curated/2026/a.csv", 200, 1000,
						1000),
				AccessLogLines.line(dataset.bucket(), at.plusSeconds(1), role, "REST.GET.OBJECT",
						"curated/2026/b file.csv", 200, 2000, 2000),
				"this line is not a log record",
				AccessLogLines.line(dataset.bucket(), at.plusSeconds(2), this.properties.rolePrefix() + "_user_bob",
						"REST.PUT.OBJECT", "curated/incoming/c.csv", 200, 0, 300),
				AccessLogLines.line(dataset.bucket(), at.plusSeconds(3), role, "REST.SOMETHING.NEW", "curated/x", 200,
						0, 0));
		String logBucket = this.properties.buckets().accessLogBucket();
		put(logBucket, dataset.bucket() + "/2026-12-06-10-20-00-0A1B2C3D4E5F6A7B", first);

		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flows.forDataset(dataAdmin, dataset.id(), FlowFilter.any()).size() == 4);
		List<DataAccessEvent> events = this.flows.forDataset(dataAdmin, dataset.id(), FlowFilter.any());
		assertThat(events)
			.extracting(DataAccessEvent::principal, DataAccessEvent::direction, DataAccessEvent::objectKey)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("alice", "OTHER", "x"),
					org.assertj.core.groups.Tuple.tuple("bob", "WRITE", "incoming/c.csv"),
					org.assertj.core.groups.Tuple.tuple("alice", "READ", "2026/b file.csv"),
					org.assertj.core.groups.Tuple.tuple("alice", "READ", "2026/a.csv"));
		assertThat(this.flows.summary(dataAdmin, dataset.id(), new FlowFilter(null, null, "READ", null, null, 0)))
			.singleElement()
			.satisfies((summary) -> {
				assertThat(summary.principal()).isEqualTo("alice");
				assertThat(summary.path()).isEqualTo("2026/");
				assertThat(summary.requests()).isEqualTo(2);
				assertThat(summary.objects()).isEqualTo(2);
				assertThat(summary.bytes()).isEqualTo(3000);
				assertThat(summary.roleName()).isEqualTo(role);
			});
		assertThat(this.flows.lastReads(dataset.id())).containsEntry("alice", at.plusSeconds(1));
		assertThat(this.flows.mine(Caller.user("u-alice", "alice"), FlowFilter.any())).hasSize(3);
		assertThat(this.flows.all(ADMIN, new FlowFilter("bob", null, null, null, null, 0))).hasSize(1);
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.flows.forDataset(Caller.user("u-alice", "alice"), dataset.id(), FlowFilter.any()));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.flows.all(Caller.user("u-alice", "alice"), FlowFilter.any()));

		put(logBucket, dataset.bucket() + "/2026-12-06-10-25-00-1A1B2C3D4E5F6A7B", AccessLogLines.line(dataset.bucket(),
				at.plusSeconds(60), role, "REST.GET.OBJECT", "curated/2026/a.csv", 200, 1000, 1000));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flows.forDataset(dataAdmin, dataset.id(), FlowFilter.any()).size() == 5);
		try (var db = TestDatabases.application(this.database);
				var files = db.prepareStatement(
						"SELECT lines, stored, skipped FROM data_access_log_files WHERE log_key LIKE ? ORDER BY log_key")) {
			files.setString(1, dataset.bucket() + "/%");
			var rows = files.executeQuery();
			rows.next();
			assertThat(List.of(rows.getInt(1), rows.getInt(2), rows.getInt(3))).containsExactly(5, 4, 1);
			rows.next();
			assertThat(rows.getInt(2)).isEqualTo(1);
			assertThat(rows.next()).isFalse();
		}
		assertThat(this.flows.forDataset(dataAdmin, dataset.id(), FlowFilter.any())).as("each file read once")
			.hasSize(5);
	}

	@Test
	void theAccessReviewSaysWhenEachHolderLastReadTheDataset() {
		Caller dataAdmin = Caller.user("u-" + suffix(), "admin-" + suffix());
		Dataset dataset = dataset(dataAdmin);
		Caller alice = Caller.user("u-alice-" + suffix(), "alice-" + suffix());
		Caller carol = Caller.user("u-carol-" + suffix(), "carol-" + suffix());
		Caller dave = Caller.user("u-dave-" + suffix(), "dave-" + suffix());
		Group team = this.data.groups().create(ADMIN, "team-" + suffix(), "");
		this.data.groups().addMember(ADMIN, team.id(), carol.asUser());
		this.data.grants()
			.grant(dataAdmin, NewGrant.of(dataset.id(), Principal.user(alice.asUser()), AccessLevel.READ));
		this.data.grants().grant(dataAdmin, NewGrant.of(dataset.id(), Principal.group(team.id()), AccessLevel.READ));
		this.data.grants().grant(dataAdmin, NewGrant.of(dataset.id(), Principal.user(dave.asUser()), AccessLevel.READ));
		Instant at = Instant.parse("2026-12-06T11:00:00Z");
		String prefix = this.properties.rolePrefix();
		put(this.properties.buckets().accessLogBucket(), dataset.bucket() + "/2026-12-06-11-05-00-0A1B2C3D4E5F6A7B",
				String.join("\n",
						AccessLogLines.line(dataset.bucket(), at, prefix + "_user_" + alice.username(),
								"REST.GET.OBJECT", "curated/a.csv", 200, 10, 10),
						AccessLogLines.line(dataset.bucket(), at.plusSeconds(30), prefix + "_user_" + alice.username(),
								"REST.GET.OBJECT", "curated/b.csv", 200, 10, 10),
						AccessLogLines.line(dataset.bucket(), at.plusSeconds(60), prefix + "_user_" + carol.username(),
								"REST.GET.OBJECT", "curated/a.csv", 200, 10, 10),
						AccessLogLines.line(dataset.bucket(), at.plusSeconds(90), prefix + "_user_" + dave.username(),
								"REST.PUT.OBJECT", "curated/c.csv", 200, 0, 10)));
		await().atMost(Duration.ofSeconds(20))
			.until(() -> this.flows.forDataset(dataAdmin, dataset.id(), FlowFilter.any()).size() == 4);

		List<AccessReviewEntry> review = this.data.grants().review(dataAdmin, dataset.id());
		assertThat(review).extracting((entry) -> entry.principal().id(), AccessReviewEntry::lastReadAt)
			.as("a user's own last read, a group's latest member's, none for a write")
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(alice.userId(), at.plusSeconds(30)),
					org.assertj.core.groups.Tuple.tuple(team.id().toString(), at.plusSeconds(60)),
					org.assertj.core.groups.Tuple.tuple(dave.userId(), null));
		assertThat(AccessReviewCsv.line(review.stream()
			.filter((entry) -> alice.userId().equals(entry.principal().id()))
			.findFirst()
			.orElseThrow())).endsWith(",2026-12-06T11:00:30Z,\r\n");
	}

	private void put(String bucket, String key, String content) {
		this.s3.putObject((r) -> r.bucket(bucket).key(key), RequestBody.fromString(content + "\n"));
	}

	private Dataset dataset(Caller dataAdmin) {
		String suffix = suffix();
		Group owners = this.data.groups().create(ADMIN, "owners-" + suffix, "");
		Dataset created = this.data.catalog()
			.create(ADMIN,
					NewDataset
						.s3("flows-" + suffix, "flows", owners.id(), Classification.OFFICIAL, "flows-" + suffix,
								"curated/")
						.withDataAdmins(dataAdmin.asUser()));
		await().atMost(Duration.ofSeconds(30))
			.until(() -> this.data.catalog().get(created.id()).status().state(),
					(state) -> state == ApplyState.READY || state == ApplyState.FAILED);
		assertThat(this.data.catalog().get(created.id()).status().state()).isEqualTo(ApplyState.READY);
		return this.data.catalog().get(created.id());
	}

}

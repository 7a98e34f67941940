package uk.gov.analyticalplatform.dataaccess;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.LifecycleRule;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

import uk.gov.analyticalplatform.audit.AuditRecord;
import uk.gov.analyticalplatform.dataaccess.internal.config.DataAccessProperties;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.actions;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.analyst;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.events;
import static uk.gov.analyticalplatform.dataaccess.DataAccessFixture.suffix;

@SpringBootTest(classes = DataAccessTestApplication.class,
		properties = { "platform.data-access.proposals.governance-group=governance",
				"platform.data-access.buckets.access-log-bucket=ap-access-logs-${random.int[100000,999999]}",
				"platform.data-access.buckets.archive-storage-class=DEEP_ARCHIVE" })
@PlatformDatabase
@Import({ DataAccessFixture.Clocks.class, DataAccessServices.Config.class })
class DatasetProposalsIT {

	static final Caller ADMIN = Caller.platformAdmin("u-admin", "admin");

	final S3Client s3 = DataAccessFixture.s3();

	@Autowired
	DataAccessServices data;

	@Autowired
	DatasetProposals proposals;

	@Autowired
	DataAccessProperties properties;

	@Value("${platform.test.database}")
	String database;

	@Value("${platform.data-access.proposals.governance-group}")
	String governanceGroup;

	@Autowired
	MovableClock clock;

	@AfterEach
	void close() {
		this.s3.close();
	}

	@Test
	void anApprovedProposalCreatesTheDatasetWithTheProposerAsDataAdminAllAudited() {
		Caller proposer = analyst();
		DatasetProposal proposal = this.proposals.propose(proposer,
				proposal("court-survey-" + suffix(), 400, RetentionAction.ARCHIVE));
		assertThat(proposal.state()).isEqualTo(ProposalState.PENDING);
		assertThat(proposal.datasetId()).isNull();
		assertThat(this.proposals.awaitingDecision(ADMIN)).extracting(DatasetProposal::id).contains(proposal.id());
		assertThat(this.proposals.awaitingDecision(proposer)).isEmpty();
		assertThat(this.proposals.mine(proposer)).extracting(DatasetProposal::id).containsExactly(proposal.id());

		DatasetProposal approved = this.proposals.approve(ADMIN, proposal.id(), "DPIA checked");
		assertThat(approved.state()).isEqualTo(ProposalState.APPROVED);
		assertThat(approved.decidedBy()).isEqualTo(ADMIN.asUser());
		Dataset dataset = this.data.catalog().get(approved.datasetId());
		assertThat(dataset.name()).isEqualTo(proposal.name());
		assertThat(dataset.bucket()).isEqualTo("ap-data-" + proposal.name());
		assertThat(dataset.dataAdmins()).containsExactly(proposer.asUser());
		assertThat(dataset.classification()).isEqualTo(Classification.OFFICIAL_SENSITIVE);

		assertThat(actions(this.data.audit(), "dataset_proposal", proposal.id()))
			.containsExactly("dataset_proposal.created", "dataset_proposal.approved");
		List<AuditRecord> datasetEvents = events(this.data.audit(), "dataset", dataset.id());
		assertThat(datasetEvents).extracting(AuditRecord::action)
			.containsExactly("dataset.created", "dataset.admin_added");
		assertThat(datasetEvents.get(0).details()).containsEntry("retentionDays", 400)
			.containsEntry("retentionAction", "ARCHIVE");
		assertThat(datasetEvents.get(0).actorUsername()).isEqualTo("admin");
	}

	@Test
	void theApprovedDatasetsBucketArchivesOrDeletesByRetentionRuleAndLogsItsAccess() {
		Dataset archived = approvedDataset(analyst(), 400, RetentionAction.ARCHIVE);
		Dataset deleted = approvedDataset(analyst(), 90, RetentionAction.DELETE);
		assertThat(retentionRule(archived).transitions()).extracting((t) -> t.days() + ":" + t.storageClassAsString())
			.containsExactly("400:DEEP_ARCHIVE");
		LifecycleRule expiry = retentionRule(deleted);
		assertThat(expiry.expiration().days()).isEqualTo(90);
		assertThat(expiry.noncurrentVersionExpiration().noncurrentDays()).isEqualTo(1);
		assertThat(this.s3.getBucketLifecycleConfiguration((r) -> r.bucket(deleted.bucket())).rules())
			.extracting(LifecycleRule::id)
			.contains("analytical-platform-tiering");
		var logging = this.s3.getBucketLogging((r) -> r.bucket(archived.bucket())).loggingEnabled();
		String logBucket = this.properties.buckets().accessLogBucket();
		assertThat(logging.targetBucket()).isEqualTo(logBucket);
		assertThat(logging.targetPrefix()).isEqualTo(archived.bucket() + "/");
		assertThat(this.s3.getBucketPolicy((r) -> r.bucket(logBucket)).policy()).contains("logging.s3.amazonaws.com");
	}

	@Test
	void nobodyDecidesTheirOwnProposalAndOnlyAdminsOrTheGovernanceGroupDecide() {
		Caller proposer = analyst();
		Caller other = analyst();
		DatasetProposal proposal = this.proposals.propose(proposer,
				proposal("own-" + suffix(), 30, RetentionAction.DELETE));
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.proposals.approve(proposer, proposal.id(), "mine"));
		Caller proposingAdmin = Caller.platformAdmin(proposer.userId(), proposer.username());
		assertThatExceptionOfType(SelfApprovalForbidden.class)
			.isThrownBy(() -> this.proposals.approve(proposingAdmin, proposal.id(), "mine"));
		assertThatExceptionOfType(PermissionDenied.class)
			.isThrownBy(() -> this.proposals.approve(other, proposal.id(), "looks fine"));
		assertThatExceptionOfType(ProposalNotFound.class).isThrownBy(() -> this.proposals.get(other, proposal.id()));

		Group governance = this.data.groups().create(ADMIN, this.governanceGroup, "data governance");
		this.data.groups().addMember(ADMIN, governance.id(), other.asUser());
		assertThat(this.proposals.canDecide(other)).isTrue();
		assertThatExceptionOfType(InvalidDataset.class)
			.isThrownBy(() -> this.proposals.reject(other, proposal.id(), " "));
		DatasetProposal rejected = this.proposals.reject(other, proposal.id(), "no DPIA yet");
		assertThat(rejected.state()).isEqualTo(ProposalState.REJECTED);
		assertThat(rejected.datasetId()).isNull();
		assertThatExceptionOfType(RequestAlreadyDecided.class)
			.isThrownBy(() -> this.proposals.approve(ADMIN, proposal.id(), "too late"));
		assertThatExceptionOfType(DatasetNotFound.class)
			.isThrownBy(() -> this.data.catalog().getByName(proposal.name()));
	}

	@Test
	void theDatabaseRefusesADecisionByTheProposer() throws SQLException {
		Caller proposer = analyst();
		DatasetProposal proposal = this.proposals.propose(proposer,
				proposal("db-" + suffix(), 30, RetentionAction.ARCHIVE));
		try (Connection db = TestDatabases.application(this.database); var update = db.prepareStatement("""
				UPDATE dataset_proposals SET state = 'REJECTED', decided_at = now(), decided_by_id = proposer_id,
				  decided_by_username = proposer_username, decision_reason = 'mine' WHERE id = ?
				""")) {
			update.setObject(1, proposal.id());
			assertThatThrownBy(update::executeUpdate).isInstanceOf(SQLException.class)
				.hasMessageContaining("dataset_proposals_not_self_decided");
		}
	}

	@Test
	void aProposalIsRefusedWhenMalformedOrItsNameIsTaken() {
		Caller proposer = analyst();
		String name = "taken-" + suffix();
		this.proposals.propose(proposer, proposal(name, 30, RetentionAction.ARCHIVE));
		assertThatExceptionOfType(DuplicateDataset.class)
			.isThrownBy(() -> this.proposals.propose(analyst(), proposal(name, 30, RetentionAction.ARCHIVE)));
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(
				() -> this.proposals.propose(proposer, proposal("days-" + suffix(), 0, RetentionAction.ARCHIVE)));
		UUID owners = this.data.groups().create(ADMIN, "owners-" + suffix(), "").id();
		assertThatExceptionOfType(InvalidDataset.class).isThrownBy(() -> this.proposals.propose(proposer,
				new NewDatasetProposal("athena-" + suffix(), "", Classification.OFFICIAL, DatasetKind.ATHENA,
						"analysis", "DPIA-1", 30, RetentionAction.ARCHIVE, owners)));
		assertThatExceptionOfType(InvalidDataset.class)
			.isThrownBy(() -> this.proposals.propose(proposer, new NewDatasetProposal("purpose-" + suffix(), "",
					Classification.OFFICIAL, DatasetKind.S3, " ", "DPIA-1", 30, RetentionAction.ARCHIVE, owners)));
		assertThatExceptionOfType(InvalidDataset.class)
			.isThrownBy(() -> this.proposals.propose(proposer, proposal("Bad Name", 30, RetentionAction.ARCHIVE)));
	}

	@Test
	void theProposerAsDataAdminSharesTheDatasetButCannotGrantThemselvesMore() {
		Caller proposer = analyst();
		Caller colleague = analyst();
		Dataset dataset = approvedDataset(proposer, 365, RetentionAction.ARCHIVE);
		assertThatExceptionOfType(SelfApprovalForbidden.class).isThrownBy(() -> this.data.grants()
			.grant(proposer, NewGrant.of(dataset.id(), Principal.user(proposer.asUser()), AccessLevel.ADMIN)));
		Grant shared = this.data.grants()
			.grant(proposer, NewGrant.of(dataset.id(), Principal.user(colleague.asUser()), AccessLevel.READ));
		assertThat(shared.grantedBy()).isEqualTo(proposer.asUser());
		AccessRequest request = this.data.requests()
			.submit(analyst(), NewAccessRequest.of(dataset.id(), AccessLevel.READ, "court survey analysis"));
		assertThat(this.data.requests().approve(proposer, request.id(), "fits the purpose").state())
			.isEqualTo(AccessRequestState.APPROVED);
	}

	@Test
	void dataAdminsSeeTheEndOfTheRetentionPeriodAheadOfTime() {
		Caller proposer = analyst();
		Dataset dataset = approvedDataset(proposer, 40, RetentionAction.DELETE);
		assertThat(this.proposals.retentionNotices(proposer)).isEmpty();
		this.clock.advance(Duration.ofDays(11));
		assertThat(this.proposals.retentionNotices(proposer)).singleElement().satisfies((notice) -> {
			assertThat(notice.dataset().id()).isEqualTo(dataset.id());
			assertThat(notice.action()).isEqualTo(RetentionAction.DELETE);
			assertThat(notice.from()).isEqualTo(dataset.createdAt().plus(Duration.ofDays(40)));
		});
		assertThat(this.proposals.retentionNotices(analyst())).isEmpty();
		assertThat(this.proposals.retentionNotices(ADMIN)).extracting((notice) -> notice.dataset().id())
			.contains(dataset.id());
	}

	private Dataset approvedDataset(Caller proposer, int days, RetentionAction action) {
		DatasetProposal proposal = this.proposals.propose(proposer, proposal("p-" + suffix(), days, action));
		UUID id = this.proposals.approve(ADMIN, proposal.id(), null).datasetId();
		await().atMost(Duration.ofSeconds(90))
			.until(() -> this.data.catalog().get(id).status().state(),
					(state) -> state == ApplyState.READY || state == ApplyState.FAILED);
		Dataset dataset = this.data.catalog().get(id);
		assertThat(dataset.status().state()).as("%s", dataset.status()).isEqualTo(ApplyState.READY);
		return dataset;
	}

	private LifecycleRule retentionRule(Dataset dataset) {
		return this.s3.getBucketLifecycleConfiguration((r) -> r.bucket(dataset.bucket()))
			.rules()
			.stream()
			.filter((rule) -> "analytical-platform-retention".equals(rule.id()))
			.findFirst()
			.orElseThrow();
	}

	private NewDatasetProposal proposal(String name, int days, RetentionAction action) {
		UUID owners = this.data.groups().create(ADMIN, "owners-" + suffix(), "").id();
		return new NewDatasetProposal(name, "Survey of court users", Classification.OFFICIAL_SENSITIVE, DatasetKind.S3,
				"Evaluate the court user survey", "DPIA-2026-041", days, action, owners);
	}

}

package uk.gov.analyticalplatform.dataaccess.internal.proposal;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.audit.AuditEvent;
import uk.gov.analyticalplatform.audit.AuditLog;
import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetNotFound;
import uk.gov.analyticalplatform.dataaccess.DatasetProposal;
import uk.gov.analyticalplatform.dataaccess.DatasetProposals;
import uk.gov.analyticalplatform.dataaccess.DuplicateDataset;
import uk.gov.analyticalplatform.dataaccess.GroupNotFound;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.InvalidDataset;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewDatasetProposal;
import uk.gov.analyticalplatform.dataaccess.PermissionDenied;
import uk.gov.analyticalplatform.dataaccess.ProposalNotFound;
import uk.gov.analyticalplatform.dataaccess.ProposalState;
import uk.gov.analyticalplatform.dataaccess.RequestAlreadyDecided;
import uk.gov.analyticalplatform.dataaccess.RetentionNotice;
import uk.gov.analyticalplatform.dataaccess.SelfApprovalForbidden;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetCatalogService;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetPaths;

/**
 * Proposals, decided by platform admins or the governance group, never by the proposer.
 */
class ProposalService implements DatasetProposals {

	private static final int MAX_RETENTION_DAYS = 36500;

	private final ProposalRows proposals;

	private final DatasetCatalogService catalog;

	private final Groups groups;

	private final AuditLog audit;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final ProposalSettings settings;

	ProposalService(ProposalRows proposals, DatasetCatalogService catalog, Groups groups, AuditLog audit,
			TransactionOperations transactions, Clock clock, ProposalSettings settings) {
		this.proposals = proposals;
		this.catalog = catalog;
		this.groups = groups;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
	}

	@Override
	public DatasetProposal propose(Caller caller, NewDatasetProposal proposal) {
		check(proposal);
		return this.transactions.execute((tx) -> {
			if (this.proposals.pendingWithName(proposal.name()) || datasetExists(proposal.name())) {
				throw new DuplicateDataset(
						"A dataset or a pending proposal is already called '" + proposal.name() + "'");
			}
			this.groups.get(proposal.ownerGroupId());
			UUID id = UUID.randomUUID();
			this.proposals.insert(id, proposal, caller, this.clock.instant());
			DatasetProposal saved = this.proposals.get(id);
			this.audit.record(event(caller, "dataset_proposal.created", saved).with("purpose", saved.purpose())
				.with("legalBasis", saved.legalBasis())
				.with("classification", saved.classification().label())
				.with("retentionDays", saved.retentionDays())
				.with("retentionAction", saved.retentionAction().name())
				.with("owner", saved.owner().name()));
			return saved;
		});
	}

	@Override
	public DatasetProposal approve(Caller caller, UUID proposalId, String reason) {
		return this.transactions.execute((tx) -> {
			DatasetProposal proposal = pendingForDecision(caller, proposalId);
			Instant now = this.clock.instant();
			String bucket = this.settings.bucketFor(proposal.name());
			Dataset dataset = this.catalog.createApproved(caller,
					NewDataset
						.s3(proposal.name(), proposal.description(), proposal.owner().id(), proposal.classification(),
								bucket, "")
						.withDataAdmins(proposal.proposer()),
					new DatasetCatalogService.Retention(proposal.retentionDays(), proposal.retentionAction()));
			this.proposals.decide(proposalId, ProposalState.APPROVED, caller, blankToNull(reason), dataset.id(), now);
			DatasetProposal approved = this.proposals.get(proposalId);
			this.audit
				.record(event(caller, "dataset_proposal.approved", approved).with("reason", approved.decisionReason())
					.with("datasetId", dataset.id().toString())
					.with("location", dataset.location()));
			return approved;
		});
	}

	@Override
	public DatasetProposal reject(Caller caller, UUID proposalId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw new InvalidDataset("A rejection gives a reason");
		}
		return this.transactions.execute((tx) -> {
			pendingForDecision(caller, proposalId);
			this.proposals.decide(proposalId, ProposalState.REJECTED, caller, reason.trim(), null,
					this.clock.instant());
			DatasetProposal rejected = this.proposals.get(proposalId);
			this.audit.record(event(caller, "dataset_proposal.rejected", rejected).with("reason", reason.trim()));
			return rejected;
		});
	}

	@Override
	public DatasetProposal get(Caller caller, UUID proposalId) {
		DatasetProposal proposal = this.proposals.get(proposalId);
		if (!proposal.proposer().userId().equals(caller.userId()) && !canDecide(caller)) {
			throw ProposalNotFound.forId(proposalId);
		}
		return proposal;
	}

	@Override
	public List<DatasetProposal> awaitingDecision(Caller caller) {
		return canDecide(caller) ? this.proposals.pending(caller.userId()) : List.of();
	}

	@Override
	public List<DatasetProposal> mine(Caller caller) {
		return this.proposals.by(caller.userId());
	}

	@Override
	public List<RetentionNotice> retentionNotices(Caller caller) {
		return this.proposals.retentionEndingBefore(this.clock.instant().plus(this.settings.retentionNotice()),
				caller.platformAdmin() ? null : caller.userId());
	}

	@Override
	public boolean canDecide(Caller caller) {
		if (caller.platformAdmin()) {
			return true;
		}
		String group = this.settings.governanceGroup();
		if (group == null || group.isBlank()) {
			return false;
		}
		try {
			return this.groups.getByName(group).hasMember(caller.userId());
		}
		catch (GroupNotFound ex) {
			return false;
		}
	}

	private boolean datasetExists(String name) {
		try {
			this.catalog.getByName(name);
			return true;
		}
		catch (DatasetNotFound ex) {
			return false;
		}
	}

	private DatasetProposal pendingForDecision(Caller caller, UUID proposalId) {
		DatasetProposal proposal = this.proposals.lock(proposalId);
		if (proposal.proposer().userId().equals(caller.userId())) {
			throw new SelfApprovalForbidden("Nobody decides their own dataset proposal");
		}
		if (!canDecide(caller)) {
			throw new PermissionDenied(caller.username()
					+ " may not decide dataset proposals: that is for platform admins" + " and the governance group");
		}
		if (proposal.state() != ProposalState.PENDING) {
			throw new RequestAlreadyDecided(
					"The proposal of " + proposal.name() + " was already " + proposal.state().name().toLowerCase());
		}
		return proposal;
	}

	private void check(NewDatasetProposal proposal) {
		DatasetPaths.checkName(proposal.name());
		DatasetPaths.checkBucket(this.settings.bucketFor(proposal.name()));
		if (proposal.kind() != DatasetKind.S3) {
			throw new InvalidDataset("Only S3 datasets can be proposed: data is uploaded into them");
		}
		if (proposal.purpose() == null || proposal.purpose().isBlank()) {
			throw new InvalidDataset("A proposal states the purpose the data is for");
		}
		if (proposal.legalBasis() == null || proposal.legalBasis().isBlank()) {
			throw new InvalidDataset("A proposal states its legal basis or DPIA reference");
		}
		if (proposal.retentionDays() < 1 || proposal.retentionDays() > MAX_RETENTION_DAYS) {
			throw new InvalidDataset(
					"A retention period is 1 to " + MAX_RETENTION_DAYS + " days, not " + proposal.retentionDays());
		}
	}

	private static AuditEvent event(Caller caller, String action, DatasetProposal proposal) {
		return AuditEvent.of(caller.actor(), action, "dataset_proposal", proposal.id().toString())
			.with("name", proposal.name())
			.with("proposer", proposal.proposer().username());
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.trim();
	}

}

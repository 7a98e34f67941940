package uk.gov.analyticalplatform.api.dataaccess;

import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.DatasetKind;
import uk.gov.analyticalplatform.dataaccess.DatasetProposal;
import uk.gov.analyticalplatform.dataaccess.DatasetProposals;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDatasetProposal;
import uk.gov.analyticalplatform.dataaccess.RetentionAction;
import uk.gov.analyticalplatform.dataaccess.RetentionNotice;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Governance of the data analysts bring in: any signed-in user proposes a dataset; a
 * platform admin or the governance group approves or rejects it, never the proposer.
 */
@RestController
@RequestMapping("/api/v1/dataset-proposals")
@Tag(name = "Dataset proposals", description = "Propose a dataset and decide proposals (governance approval)")
class DatasetProposalsController {

	private final DatasetProposals proposals;

	private final Groups groups;

	DatasetProposalsController(DatasetProposals proposals, Groups groups) {
		this.proposals = proposals;
		this.groups = groups;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Propose a dataset: classification, purpose, legal basis or DPIA, retention, owning team")
	DatasetProposal propose(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody ProposalRequest request) {
		UUID owner = (request.ownerGroupId() != null) ? request.ownerGroupId()
				: this.groups.getByName(request.owningTeam()).id();
		return this.proposals.propose(Callers.of(user),
				new NewDatasetProposal(request.name(), request.description(), request.classification(), request.kind(),
						request.purpose(), request.legalBasis(), request.retentionDays(), request.retentionAction(),
						owner));
	}

	@GetMapping
	@Operation(summary = "The caller's proposals (view=mine) or those awaiting the caller's decision (view=awaiting)")
	List<DatasetProposal> list(@AuthenticationPrincipal UserAccount user,
			@RequestParam(defaultValue = "mine") String view) {
		return "awaiting".equals(view) ? this.proposals.awaitingDecision(Callers.of(user))
				: this.proposals.mine(Callers.of(user));
	}

	@GetMapping("/retention-notices")
	@Operation(summary = "Datasets the caller administers whose retention period ends soon or has ended")
	List<RetentionNotice> retentionNotices(@AuthenticationPrincipal UserAccount user) {
		return this.proposals.retentionNotices(Callers.of(user));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A proposal (its proposer, platform admins and the governance group)")
	DatasetProposal get(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return this.proposals.get(Callers.of(user), id);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve: creates the dataset with the proposer as its data admin")
	DatasetProposal approve(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestBody(required = false) Decision decision) {
		return this.proposals.approve(Callers.of(user), id, (decision != null) ? decision.reason() : null);
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject with a reason")
	DatasetProposal reject(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody Decision decision) {
		return this.proposals.reject(Callers.of(user), id, decision.reason());
	}

	record ProposalRequest(@NotBlank String name, String description, @NotNull Classification classification,
			DatasetKind kind, @NotBlank String purpose, @NotBlank String legalBasis, int retentionDays,
			RetentionAction retentionAction, UUID ownerGroupId, String owningTeam) {
	}

	record Decision(String reason) {
	}

}

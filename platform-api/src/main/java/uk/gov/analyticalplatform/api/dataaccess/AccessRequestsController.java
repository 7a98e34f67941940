package uk.gov.analyticalplatform.api.dataaccess;

import java.time.Instant;
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

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * Asking for access and deciding: anyone signed in asks and withdraws their own requests;
 * a data admin of the dataset or a platform admin, never the requester, approves or
 * rejects, and exactly one decision wins (the module's rules).
 */
@RestController
@RequestMapping("/api/v1/access-requests")
@Tag(name = "Access requests", description = "Request access to datasets and decide requests")
class AccessRequestsController {

	private final AccessRequests requests;

	AccessRequestsController(AccessRequests requests) {
		this.requests = requests;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ask for a level on a dataset (optionally sub-paths), with a justification and an end date")
	AccessRequest submit(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody NewRequest request) {
		return this.requests.submit(Callers.of(user), new NewAccessRequest(request.datasetId(), request.level(),
				PathRequest.toAccess(request.paths()), request.justification(), request.wantedUntil()));
	}

	@GetMapping
	@Operation(summary = "My requests, newest first")
	Page<AccessRequest> mine(@AuthenticationPrincipal UserAccount user, @RequestParam(required = false) String cursor,
			@RequestParam(defaultValue = "50") int limit) {
		return Page.of(this.requests.mine(Callers.of(user)), AccessRequestsController::key, true, cursor, limit,
				(request) -> request);
	}

	@GetMapping("/awaiting-decision")
	@Operation(summary = "Pending requests I may decide, oldest first")
	Page<AccessRequest> awaitingDecision(@AuthenticationPrincipal UserAccount user,
			@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		return Page.of(this.requests.awaitingDecision(Callers.of(user)), AccessRequestsController::key, false, cursor,
				limit, (request) -> request);
	}

	@GetMapping("/{id}")
	@Operation(summary = "A request (its requester and those who may decide it)")
	AccessRequest get(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return this.requests.get(Callers.of(user), id);
	}

	@PostMapping("/{id}/approve")
	@Operation(summary = "Approve a pending request: the grant is made in the same transaction")
	AccessRequest approve(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody Decision decision) {
		return this.requests.approve(Callers.of(user), id, decision.reason());
	}

	@PostMapping("/{id}/reject")
	@Operation(summary = "Reject a pending request, with a reason")
	AccessRequest reject(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody Decision decision) {
		return this.requests.reject(Callers.of(user), id, decision.reason());
	}

	@PostMapping("/{id}/withdraw")
	@Operation(summary = "Withdraw my own pending request")
	AccessRequest withdraw(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@Valid @RequestBody Decision decision) {
		return this.requests.withdraw(Callers.of(user), id, decision.reason());
	}

	private static String key(AccessRequest request) {
		return Page.timeKey(request.createdAt(), request.id());
	}

	record NewRequest(@NotNull UUID datasetId, @NotNull AccessLevel level, List<@Valid @NotNull PathRequest> paths,
			@NotBlank String justification, Instant wantedUntil) {
	}

	/** The reason given with a decision. */
	record Decision(@NotBlank String reason) {
	}

}

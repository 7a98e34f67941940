package uk.gov.analyticalplatform.api.dataaccess;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.GrantNotFound;
import uk.gov.analyticalplatform.dataaccess.Grants;
import uk.gov.analyticalplatform.dataaccess.InvalidGrant;
import uk.gov.analyticalplatform.dataaccess.NewGrant;
import uk.gov.analyticalplatform.dataaccess.Principal;
import uk.gov.analyticalplatform.dataaccess.PrincipalType;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Direct grants and revocations, by a data admin of the dataset or a platform admin (the
 * module refuses everyone else).
 */
@RestController
@RequestMapping("/api/v1/grants")
@Tag(name = "Grants", description = "Grant and revoke access to datasets")
class GrantsController {

	private final Grants grants;

	private final DatasetCatalog catalog;

	private final Users users;

	GrantsController(Grants grants, DatasetCatalog catalog, Users users) {
		this.grants = grants;
		this.catalog = catalog;
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Grant a user or a group a level on a dataset, optionally on sub-paths and until a time")
	Grant grant(@AuthenticationPrincipal UserAccount admin, @Valid @RequestBody NewGrantRequest request) {
		Principal principal = principal(request.principal());
		return this.grants.grant(Callers.of(admin), new NewGrant(request.datasetId(), principal, request.level(),
				PathRequest.toAccess(request.paths()), request.expiresAt()));
	}

	@GetMapping("/{id}")
	@Operation(summary = "A grant (data admins of its dataset and platform admins)")
	Grant get(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		Grant grant = this.grants.get(id);
		if (!this.catalog.canManageAccess(Callers.of(user), grant.dataset().id())) {
			throw GrantNotFound.forId(id);
		}
		return grant;
	}

	@DeleteMapping("/{id}")
	@Operation(summary = "Revoke a grant, with a reason (idempotent)")
	Grant revoke(@AuthenticationPrincipal UserAccount admin, @PathVariable UUID id,
			@RequestBody(required = false) Reason reason) {
		return this.grants.revoke(Callers.of(admin), id, (reason != null) ? reason.reason() : null);
	}

	private Principal principal(PrincipalRequest principal) {
		if (principal.type() == PrincipalType.APP) {
			if (principal.app() == null || principal.app().isBlank()) {
				throw new InvalidGrant("An app principal needs the app's name");
			}
			try {
				return Principal.app(principal.app());
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidGrant(ex.getMessage());
			}
		}
		if (principal.type() == PrincipalType.GROUP) {
			if (principal.groupId() == null) {
				throw new InvalidGrant("A group principal needs a groupId");
			}
			return Principal.group(principal.groupId());
		}
		if (principal.username() == null || principal.username().isBlank()) {
			throw new InvalidGrant("A user principal needs a username");
		}
		return Principal.user(Callers.user(this.users, principal.username()));
	}

	record NewGrantRequest(@NotNull UUID datasetId, @NotNull @Valid PrincipalRequest principal,
			@NotNull AccessLevel level, List<@Valid @NotNull PathRequest> paths, Instant expiresAt) {
	}

	/** A user by username, a group by id, or an app by name. */
	record PrincipalRequest(@NotNull PrincipalType type, String username, UUID groupId, String app) {
	}

	/** Why a decision or revocation was made. */
	record Reason(String reason) {
	}

}

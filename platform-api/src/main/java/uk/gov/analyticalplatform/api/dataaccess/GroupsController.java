package uk.gov.analyticalplatform.api.dataaccess;

import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Groups (teams) of users that grants can name. Any signed-in user may read them, so that
 * data admins can grant to a team; only platform admins change them (the security
 * configuration and the module both check).
 */
@RestController
@RequestMapping("/api/v1/groups")
@Tag(name = "Groups", description = "Teams of users that grants can name")
class GroupsController {

	private final Groups groups;

	private final Users users;

	GroupsController(Groups groups, Users users) {
		this.groups = groups;
		this.users = users;
	}

	@GetMapping
	@Operation(summary = "Every group, by name")
	Page<Group> list(@RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
		return Page.of(this.groups.list(), Group::name, false, cursor, limit, (group) -> group);
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a group (platform admins)")
	Group create(@AuthenticationPrincipal UserAccount admin, @Valid @RequestBody NewGroupRequest request) {
		return this.groups.create(Callers.of(admin), request.name(),
				(request.description() != null) ? request.description() : "");
	}

	@GetMapping("/{id}")
	@Operation(summary = "A group with its members")
	Group get(@PathVariable UUID id) {
		return this.groups.get(id);
	}

	@PostMapping("/{id}/members")
	@Operation(summary = "Add a member (platform admins; idempotent)")
	Group addMember(@AuthenticationPrincipal UserAccount admin, @PathVariable UUID id,
			@Valid @RequestBody DatasetsController.Member member) {
		return this.groups.addMember(Callers.of(admin), id, Callers.user(this.users, member.username()));
	}

	@DeleteMapping("/{id}/members/{username}")
	@Operation(summary = "Remove a member (platform admins; idempotent)")
	Group removeMember(@AuthenticationPrincipal UserAccount admin, @PathVariable UUID id,
			@PathVariable String username) {
		UserRef user = Callers.user(this.users, username);
		return this.groups.removeMember(Callers.of(admin), id, user.userId());
	}

	record NewGroupRequest(@NotBlank String name, String description) {
	}

}

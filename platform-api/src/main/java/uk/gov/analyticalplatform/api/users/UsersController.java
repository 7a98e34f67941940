package uk.gov.analyticalplatform.api.users;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.identity.CreatedUser;
import uk.gov.analyticalplatform.identity.InvalidUserDetails;
import uk.gov.analyticalplatform.identity.NewUser;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SecondFactor;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;

/** Platform admins manage users (others get 403). */
@RestController
@RequestMapping("/api/v1/users")
class UsersController {

	private final Users users;

	private final SecondFactor secondFactor;

	UsersController(Users users, SecondFactor secondFactor) {
		this.users = users;
		this.secondFactor = secondFactor;
	}

	@GetMapping
	List<UserView> list() {
		return this.users.list().stream().map(UserView::of).toList();
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	Created create(@AuthenticationPrincipal UserAccount admin, @Valid @RequestBody NewUserRequest request) {
		CreatedUser created = this.users.create(admin.id(),
				new NewUser(request.username(), request.email(), request.displayName()));
		return new Created(UserView.of(created.user()), created.initialPassword());
	}

	@PatchMapping("/{username}")
	UserView update(@AuthenticationPrincipal UserAccount admin, @PathVariable String username,
			@RequestBody Change change) {
		Set<Role> roles = null;
		if (change.roles() != null) {
			roles = EnumSet.noneOf(Role.class);
			for (String role : change.roles()) {
				roles.add(role(role));
			}
		}
		return UserView.of(this.users.update(admin.id(), username, new UserChange(roles, change.suspended())));
	}

	@PostMapping("/{username}/totp/reset")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void resetTotp(@AuthenticationPrincipal UserAccount admin, @PathVariable String username) {
		this.secondFactor.reset(admin.id(), username);
	}

	private static Role role(String name) {
		try {
			return Role.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidUserDetails("There is no role '" + name + "'; roles are ANALYST and PLATFORM_ADMIN.");
		}
	}

	record NewUserRequest(@NotBlank String username, String email, @NotBlank String displayName) {
	}

	record Change(List<String> roles, Boolean suspended) {
	}

	record Created(UserView user, String initialPassword) {
	}

}

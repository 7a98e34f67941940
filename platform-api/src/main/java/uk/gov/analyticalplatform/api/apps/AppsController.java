package uk.gov.analyticalplatform.api.apps;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.appdeploy.App;
import uk.gov.analyticalplatform.appdeploy.AppChange;
import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.appdeploy.Caller;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Apps and their owners. Every representation of an app carries the availability notice
 * ({@code availability: {target, support, notice}}). Owners and platform admins see an
 * app; to anyone else it does not exist (404).
 */
@RestController
@RequestMapping("/api/v1/apps")
@Tag(name = "Apps", description = "Analysts' Shiny, Dash and Streamlit apps for a small audience")
class AppsController {

	private final Apps apps;

	private final Users users;

	AppsController(Apps apps, Users users) {
		this.apps = apps;
		this.users = users;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an app; the caller becomes its owner")
	App register(@AuthenticationPrincipal UserAccount user, @Valid @RequestBody NewAppRequest request) {
		return this.apps.register(AppCallers.of(user),
				new NewApp(request.name(), request.description(), request.repositoryUrl(), request.imageRepository()));
	}

	@GetMapping
	@Operation(summary = "The caller's apps; every app for a platform admin")
	Listing<App> list(@AuthenticationPrincipal UserAccount user) {
		Caller caller = AppCallers.of(user);
		return new Listing<>(caller.platformAdmin() ? this.apps.all(caller) : this.apps.mine(caller));
	}

	@GetMapping("/{name}")
	@Operation(summary = "An app, with its status and the availability notice")
	App get(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return this.apps.get(AppCallers.of(user), name);
	}

	@PatchMapping("/{name}")
	@Operation(summary = "Change an app's description, repository or image repository")
	App update(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@RequestBody AppChangeRequest request) {
		return this.apps.update(AppCallers.of(user), name,
				new AppChange(request.description(), request.repositoryUrl(), request.imageRepository()));
	}

	@DeleteMapping("/{name}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Delete an app and everything it runs")
	void delete(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		this.apps.delete(AppCallers.of(user), name);
	}

	@GetMapping("/{name}/owners")
	@Operation(summary = "An app's owners")
	Listing<AppOwner> owners(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return new Listing<>(this.apps.get(AppCallers.of(user), name).owners());
	}

	@PostMapping("/{name}/owners")
	@Operation(summary = "Add an owner by username (idempotent)")
	Listing<AppOwner> addOwner(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@Valid @RequestBody OwnerRequest request) {
		return new Listing<>(
				this.apps.addOwner(AppCallers.of(user), name, AppCallers.owner(this.users, request.username()))
					.owners());
	}

	@DeleteMapping("/{name}/owners/{username}")
	@Operation(summary = "Remove an owner (idempotent); the last owner cannot be removed")
	Listing<AppOwner> removeOwner(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@PathVariable String username) {
		return new Listing<>(
				this.apps.removeOwner(AppCallers.of(user), name, AppCallers.owner(this.users, username).userId())
					.owners());
	}

	record NewAppRequest(@NotBlank String name, String description, @NotBlank String repositoryUrl,
			@NotBlank String imageRepository) {
	}

	record AppChangeRequest(String description, String repositoryUrl, String imageRepository) {
	}

	record OwnerRequest(@NotBlank String username) {
	}

	/**
	 * A short list, whole.
	 *
	 * @param <T> the items
	 * @param items the items
	 */
	record Listing<T>(List<T> items) {
	}

}

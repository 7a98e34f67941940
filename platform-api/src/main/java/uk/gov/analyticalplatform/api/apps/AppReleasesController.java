package uk.gov.analyticalplatform.api.apps;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.api.apps.AppsController.Listing;
import uk.gov.analyticalplatform.appdeploy.AppDeployment;
import uk.gov.analyticalplatform.appdeploy.AppReleases;
import uk.gov.analyticalplatform.appdeploy.AppVersion;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * An app's versions and deployments. A build pipeline registers and deploys with a token
 * of scope {@code apps:deploy}, of an owner of the app.
 */
@RestController
@RequestMapping("/api/v1/apps/{name}")
@Tag(name = "Apps")
class AppReleasesController {

	private final AppReleases releases;

	AppReleasesController(AppReleases releases) {
		this.releases = releases;
	}

	@GetMapping("/versions")
	@Operation(summary = "An app's versions, newest first")
	Listing<AppVersion> versions(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return new Listing<>(this.releases.versions(AppCallers.of(user), name));
	}

	@PostMapping("/versions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Register an image as the next version (token scope apps:deploy, or an owner)")
	AppVersion register(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@Valid @RequestBody VersionRequest request) {
		return this.releases.register(AppCallers.of(user), name, request.image());
	}

	@GetMapping("/deployments")
	@Operation(summary = "Who deployed what and when, newest first")
	Listing<AppDeployment> history(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return new Listing<>(this.releases.history(AppCallers.of(user), name));
	}

	@PostMapping("/deployments")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Deploy a version, or roll back to an older one (token scope apps:deploy, or an owner)")
	AppDeployment deploy(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@Valid @RequestBody DeploymentRequest request) {
		return this.releases.deploy(AppCallers.of(user), name, request.version());
	}

	record VersionRequest(@NotBlank String image) {
	}

	record DeploymentRequest(@NotNull Integer version) {
	}

}

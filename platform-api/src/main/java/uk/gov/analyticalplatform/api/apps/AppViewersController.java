package uk.gov.analyticalplatform.api.apps;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.appdeploy.AppViewers;
import uk.gov.analyticalplatform.appdeploy.Viewers;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * An app's viewers: at most {@code platform.apps.max-viewers}; one too many is refused
 * with a problem of type {@code /problems/viewer-limit} (409), however many arrive at
 * once.
 */
@RestController
@RequestMapping("/api/v1/apps/{name}/viewers")
@Tag(name = "Apps")
class AppViewersController {

	private final AppViewers viewers;

	AppViewersController(AppViewers viewers) {
		this.viewers = viewers;
	}

	@GetMapping
	@Operation(summary = "An app's viewers and how many it may have")
	Viewers list(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return this.viewers.list(AppCallers.of(user), name);
	}

	@PostMapping
	@Operation(summary = "Add a viewer by email (idempotent); 409 viewer-limit when the app has as many as it may")
	Viewers add(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@Valid @RequestBody ViewerRequest request) {
		return this.viewers.add(AppCallers.of(user), name, request.email());
	}

	@DeleteMapping("/{email}")
	@Operation(summary = "Remove a viewer (idempotent)")
	Viewers remove(@AuthenticationPrincipal UserAccount user, @PathVariable String name, @PathVariable String email) {
		return this.viewers.remove(AppCallers.of(user), name, email);
	}

	record ViewerRequest(@NotBlank String email) {
	}

}

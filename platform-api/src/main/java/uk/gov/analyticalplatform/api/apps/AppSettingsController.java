package uk.gov.analyticalplatform.api.apps;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.appdeploy.AppSettings;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * An app's environment variables and secrets. Secrets are write-only: the API returns
 * their names, never their values.
 */
@RestController
@RequestMapping("/api/v1/apps/{name}")
@Tag(name = "Apps")
class AppSettingsController {

	private final AppSettings settings;

	AppSettingsController(AppSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/env")
	@Operation(summary = "An app's environment variables")
	Map<String, String> environment(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return this.settings.environment(AppCallers.of(user), name);
	}

	@PutMapping("/env/{variable}")
	@Operation(summary = "Set an environment variable")
	Map<String, String> setVariable(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@PathVariable String variable, @Valid @RequestBody ValueRequest request) {
		return this.settings.setVariable(AppCallers.of(user), name, variable, request.value());
	}

	@DeleteMapping("/env/{variable}")
	@Operation(summary = "Remove an environment variable (idempotent)")
	Map<String, String> removeVariable(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@PathVariable String variable) {
		return this.settings.setVariable(AppCallers.of(user), name, variable, null);
	}

	@GetMapping("/secrets")
	@Operation(summary = "The names of an app's secrets (never their values)")
	SecretNames secrets(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		return new SecretNames(this.settings.secretNames(AppCallers.of(user), name));
	}

	@PutMapping("/secrets/{secret}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	@Operation(summary = "Set a secret; its value is never returned or shown again")
	void setSecret(@AuthenticationPrincipal UserAccount user, @PathVariable String name, @PathVariable String secret,
			@Valid @RequestBody ValueRequest request) {
		this.settings.setSecret(AppCallers.of(user), name, secret, request.value());
	}

	@DeleteMapping("/secrets/{secret}")
	@Operation(summary = "Remove a secret (idempotent)")
	SecretNames removeSecret(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@PathVariable String secret) {
		return new SecretNames(this.settings.removeSecret(AppCallers.of(user), name, secret));
	}

	record ValueRequest(@NotNull String value) {
	}

	record SecretNames(List<String> names) {
	}

}

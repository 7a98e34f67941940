package uk.gov.analyticalplatform.api.apps;

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
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.api.dataaccess.Callers;
import uk.gov.analyticalplatform.appdeploy.Apps;
import uk.gov.analyticalplatform.dataaccess.AccessLevel;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequests;
import uk.gov.analyticalplatform.dataaccess.AccessStatus;
import uk.gov.analyticalplatform.dataaccess.Grant;
import uk.gov.analyticalplatform.dataaccess.NewAccessRequest;
import uk.gov.analyticalplatform.dataaccess.PathAccess;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * An app's data access: the app is a principal of data access, with its own IAM role that
 * its pods assume. Its owners (and platform admins) see what it holds; an owner asks for
 * more through the same request and approval workflow as for themselves, decided by a
 * data admin of the dataset who does not own the app. To anyone else the app does not
 * exist (404).
 */
@RestController
@RequestMapping("/api/v1/apps/{name}")
@Tag(name = "Apps", description = "Analysts' Shiny, Dash and Streamlit apps for a small audience")
class AppDataAccessController {

	private final Apps apps;

	private final AccessStatus access;

	private final AccessRequests requests;

	AppDataAccessController(Apps apps, AccessStatus access, AccessRequests requests) {
		this.apps = apps;
		this.access = access;
		this.requests = requests;
	}

	@GetMapping("/data-access")
	@Operation(summary = "What the app's IAM role holds: its grants, its role once applied, and the owners' requests")
	AppDataAccess get(@AuthenticationPrincipal UserAccount user, @PathVariable String name) {
		String app = this.apps.get(AppCallers.of(user), name).name();
		List<AccessRequest> mine = this.requests.mine(Callers.of(user))
			.stream()
			.filter((request) -> app.equals(request.app()))
			.toList();
		return new AppDataAccess(app, this.access.appRoleArn(app), this.access.appGrants(app), mine);
	}

	@PostMapping("/access-requests")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "An owner asks for access to a dataset for the app (a data admin who does not own it decides)")
	AccessRequest request(@AuthenticationPrincipal UserAccount user, @PathVariable String name,
			@Valid @RequestBody AppAccessRequest request) {
		String app = this.apps.get(AppCallers.of(user), name).name();
		List<PathAccess> paths = (request.paths() != null)
				? request.paths().stream().map((path) -> new PathAccess(path.path(), path.level())).toList()
				: List.of();
		return this.requests.submitForApp(Callers.of(user), app, new NewAccessRequest(request.datasetId(),
				request.level(), paths, request.justification(), request.wantedUntil()));
	}

	/**
	 * @param app the app's name
	 * @param roleArn its IAM role once AWS has it, or {@code null} without access
	 * @param grants its active grants
	 * @param requests the caller's requests for the app, newest first
	 */
	record AppDataAccess(String app, String roleArn, List<Grant> grants, List<AccessRequest> requests) {
	}

	record AppAccessRequest(@NotNull UUID datasetId, @NotNull AccessLevel level, List<@Valid @NotNull Path> paths,
			@NotBlank String justification, Instant wantedUntil) {
	}

	record Path(@NotNull String path, @NotNull AccessLevel level) {
	}

}

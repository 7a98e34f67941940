package uk.gov.analyticalplatform.api.tools;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.InvalidToolRequest;
import uk.gov.analyticalplatform.toollauncher.ReleaseStatus;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.NewRelease;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.ReleaseUse;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogueAdmin.StatusChange;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;

/**
 * Platform admins change the tool catalogue: releases (pinned by digest) and their
 * status, and resource profiles. Every change is audited by the module.
 */
@RestController
@Tag(name = "Tools")
class ToolCatalogueAdminController {

	private final ToolCatalogueAdmin catalogue;

	private final ToolCallers callers;

	ToolCatalogueAdminController(ToolCatalogueAdmin catalogue, ToolCallers callers) {
		this.catalogue = catalogue;
		this.callers = callers;
	}

	@GetMapping("/api/v1/tools/releases")
	@Operation(summary = "Every release, with its status and how many users use it (platform admins)")
	Map<String, List<AdminReleaseView>> releases(@AuthenticationPrincipal UserAccount user) {
		return Map.of("items",
				this.catalogue.releases(this.callers.of(user)).stream().map(AdminReleaseView::of).toList());
	}

	@PostMapping("/api/v1/tools/releases")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Add an ACTIVE release pinned by digest (platform admins; audited)")
	AdminReleaseView addRelease(@AuthenticationPrincipal UserAccount user, @RequestBody ReleaseBody body) {
		ToolRelease added = this.catalogue.addRelease(this.callers.of(user),
				new NewRelease(tool(body.tool()), body.name(), body.displayName(), body.image(),
						(body.port() != null) ? body.port() : 0, body.readinessPath(), body.args(),
						body.defaultProfile()));
		return AdminReleaseView.of(new ReleaseUse(added, 0, 0));
	}

	@PutMapping("/api/v1/tools/releases/{id}/status")
	@Operation(summary = "Set a release's status: ACTIVE, RESTRICTED (to users and groups), DEPRECATED or "
			+ "RETIRED (with a message and a time its instances stop) (platform admins; audited)")
	AdminReleaseView changeStatus(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id,
			@RequestBody StatusBody body) {
		ToolRelease changed = this.catalogue.changeStatus(this.callers.of(user), id, new StatusChange(
				status(body.status()), body.message(), body.retireAt(), body.allowedUsers(), body.allowedGroups()));
		return this.catalogue.releases(this.callers.of(user))
			.stream()
			.filter((use) -> use.release().id().equals(changed.id()))
			.findFirst()
			.map(AdminReleaseView::of)
			.orElseThrow();
	}

	@GetMapping("/api/v1/tools/profiles")
	@Operation(summary = "Every resource profile (platform admins)")
	Map<String, List<ToolCatalogueController.ProfileView>> profiles(@AuthenticationPrincipal UserAccount user) {
		return Map.of("items",
				this.catalogue.profiles(this.callers.of(user))
					.stream()
					.map(ToolCatalogueController.ProfileView::of)
					.toList());
	}

	@PostMapping("/api/v1/tools/profiles")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a resource profile (platform admins; audited)")
	ToolCatalogueController.ProfileView createProfile(@AuthenticationPrincipal UserAccount user,
			@RequestBody ProfileBody body) {
		return ToolCatalogueController.ProfileView
			.of(this.catalogue.createProfile(this.callers.of(user), body.profile(body.name())));
	}

	@PutMapping("/api/v1/tools/profiles/{name}")
	@Operation(summary = "Change a resource profile (platform admins; audited)")
	ToolCatalogueController.ProfileView updateProfile(@AuthenticationPrincipal UserAccount user,
			@PathVariable String name, @RequestBody ProfileBody body) {
		return ToolCatalogueController.ProfileView
			.of(this.catalogue.updateProfile(this.callers.of(user), body.profile(name)));
	}

	private static Tool tool(String name) {
		return (name != null) ? Tool.parse(name) : null;
	}

	private static ReleaseStatus status(String name) {
		if (name == null) {
			return null;
		}
		try {
			return ReleaseStatus.valueOf(name.trim().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidToolRequest("status is one of ACTIVE, RESTRICTED, DEPRECATED or RETIRED");
		}
	}

	/** A release as admins see it: everything users see, and its use. */
	record AdminReleaseView(UUID id, String tool, String name, String displayName, String image, int port,
			String readinessPath, List<String> args, String defaultProfile, String status, String message,
			Instant retireAt, Set<String> allowedUsers, Set<String> allowedGroups, int users, int running) {

		static AdminReleaseView of(ReleaseUse use) {
			ToolRelease release = use.release();
			return new AdminReleaseView(release.id(), release.tool().slug(), release.name(), release.displayName(),
					release.image(), release.port(), release.readinessPath(), release.args(), release.defaultProfile(),
					release.status().name(), release.statusMessage(), release.retireAt(), release.allowedUsers(),
					release.allowedGroups(), use.users(), use.running());
		}

	}

	record ReleaseBody(String tool, String name, String displayName, String image, Integer port, String readinessPath,
			List<String> args, String defaultProfile) {

	}

	record StatusBody(String status, String message, Instant retireAt, Set<String> allowedUsers,
			Set<String> allowedGroups) {

	}

	record ProfileBody(String name, String displayName, int cpuRequestMilli, int cpuLimitMilli, int memoryRequestMib,
			int memoryLimitMib, long idleTimeoutMinutes, String restrictedGroup) {

		ResourceProfile profile(String named) {
			return new ResourceProfile(named, this.displayName, this.cpuRequestMilli, this.cpuLimitMilli,
					this.memoryRequestMib, this.memoryLimitMib, Duration.ofMinutes(this.idleTimeoutMinutes),
					(this.restrictedGroup == null || this.restrictedGroup.isBlank()) ? null : this.restrictedGroup);
		}

	}

}

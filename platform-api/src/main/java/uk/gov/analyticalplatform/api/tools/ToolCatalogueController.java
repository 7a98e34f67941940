package uk.gov.analyticalplatform.api.tools;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.toollauncher.ResourceProfile;
import uk.gov.analyticalplatform.toollauncher.ToolCatalogue;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolRelease;

/** The tool catalogue, and every instance for platform admins. */
@RestController
@Tag(name = "Tools", description = "The tool catalogue: releases pinned by digest and resource profiles")
class ToolCatalogueController {

	private final ToolCatalogue catalogue;

	private final ToolInstances instances;

	private final ToolCallers callers;

	ToolCatalogueController(ToolCatalogue catalogue, ToolInstances instances, ToolCallers callers) {
		this.catalogue = catalogue;
		this.instances = instances;
		this.callers = callers;
	}

	@GetMapping("/api/v1/tools")
	@Operation(summary = "The releases (image by digest) and profiles the caller may launch")
	Map<String, Object> launchable(@AuthenticationPrincipal UserAccount user) {
		ToolCatalogue.Launchable launchable = this.catalogue.launchable(this.callers.of(user));
		return Map.of("releases", launchable.releases().stream().map(ReleaseView::of).toList(), "profiles",
				launchable.profiles().stream().map(ProfileView::of).toList());
	}

	@GetMapping("/api/v1/tools/instances")
	@Operation(summary = "Every instance, with owner, release, profile, state and activity (platform admins)")
	Map<String, List<InstanceView>> all(@AuthenticationPrincipal UserAccount user) {
		return Map.of("items", this.instances.all(this.callers.of(user)).stream().map(InstanceView::of).toList());
	}

	@PostMapping("/api/v1/tools/instances/{id}/stop")
	@Operation(summary = "Stop anyone's instance (platform admins; audited)")
	InstanceView stop(@AuthenticationPrincipal UserAccount user, @PathVariable UUID id) {
		return InstanceView.of(this.instances.stopAsAdmin(this.callers.of(user), id));
	}

	record ReleaseView(UUID id, String tool, String name, String displayName, String image, String status,
			String message, String defaultProfile) {

		static ReleaseView of(ToolRelease release) {
			return new ReleaseView(release.id(), release.tool().slug(), release.name(), release.displayName(),
					release.image(), release.status().name(), release.statusMessage(), release.defaultProfile());
		}

	}

	record ProfileView(String name, String displayName, int cpuRequestMilli, int cpuLimitMilli, int memoryRequestMib,
			int memoryLimitMib, long idleTimeoutMinutes) {

		static ProfileView of(ResourceProfile profile) {
			return new ProfileView(profile.name(), profile.displayName(), profile.cpuRequestMilli(),
					profile.cpuLimitMilli(), profile.memoryRequestMib(), profile.memoryLimitMib(),
					profile.idleTimeout().toMinutes());
		}

	}

}

package uk.gov.analyticalplatform.toollauncher;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * One release of a tool in the catalogue.
 *
 * @param id its id
 * @param tool the tool
 * @param name its version name, unique per tool, such as {@code 4.5.0}
 * @param displayName what users see
 * @param image the image, pinned by digest ({@code repository@sha256:...})
 * @param port the container port the tool listens on
 * @param readinessPath the HTTP path that answers 2xx once the tool is ready
 * @param args the container's arguments, empty for the image's own
 * @param defaultProfile the resource profile used when the user picks none
 * @param status where the release is in its life
 * @param statusMessage shown to users of a deprecated or retired release
 * @param retireAt when a retired release's running instances are stopped
 * @param allowedUsers usernames who may launch a restricted release
 * @param allowedGroups groups whose members may launch a restricted release
 */
public record ToolRelease(UUID id, Tool tool, String name, String displayName, String image, int port,
		String readinessPath, List<String> args, String defaultProfile, ReleaseStatus status, String statusMessage,
		Instant retireAt, Set<String> allowedUsers, Set<String> allowedGroups) {

	public ToolRelease {
		args = List.copyOf(args);
		allowedUsers = Set.copyOf(allowedUsers);
		allowedGroups = Set.copyOf(allowedGroups);
	}

	/** Whether the user may start an instance of this release now. */
	public boolean launchableBy(ToolUser user) {
		return switch (this.status) {
			case ACTIVE, DEPRECATED -> true;
			case RETIRED -> false;
			case RESTRICTED -> this.allowedUsers.contains(user.username())
					|| user.groups().stream().anyMatch(this.allowedGroups::contains);
		};
	}

}

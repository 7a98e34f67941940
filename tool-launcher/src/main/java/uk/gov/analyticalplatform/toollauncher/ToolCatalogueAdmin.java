package uk.gov.analyticalplatform.toollauncher;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The catalogue as platform admins change it: releases pinned by digest, their status,
 * and resource profiles. Every change is written with its audit event in one transaction;
 * a caller who is not a platform admin gets {@link ToolPermissionDenied}, bad input
 * {@link InvalidCatalogueEntry} naming each field.
 */
public interface ToolCatalogueAdmin {

	/**
	 * Every release, newest first per tool, with how many users have an instance of it.
	 */
	List<ReleaseUse> releases(ToolUser admin);

	/**
	 * Adds an {@code ACTIVE} release.
	 * @throws InvalidCatalogueEntry when a field is wrong: an image not pinned by digest,
	 * a name the tool has already, an unknown profile
	 */
	ToolRelease addRelease(ToolUser admin, NewRelease release);

	/**
	 * Moves a release to another status. A deprecated or retired release needs a message
	 * for its users; a retired one a time at which its running instances are stopped; a
	 * restricted one the users and groups who may still launch it.
	 */
	ToolRelease changeStatus(ToolUser admin, UUID releaseId, StatusChange change);

	/** Every resource profile, restricted ones included. */
	List<ResourceProfile> profiles(ToolUser admin);

	/**
	 * Adds a profile.
	 * @throws InvalidCatalogueEntry when a field is wrong or the name is taken
	 */
	ResourceProfile createProfile(ToolUser admin, ResourceProfile profile);

	/**
	 * Changes a profile (by its name); running instances keep their pods until they
	 * restart.
	 */
	ResourceProfile updateProfile(ToolUser admin, ResourceProfile profile);

	/**
	 * A release and how many users use it.
	 *
	 * @param release the release
	 * @param users users with an instance of it (one instance per user per tool)
	 * @param running those of them wanted running now
	 */
	record ReleaseUse(ToolRelease release, int users, int running) {

	}

	/**
	 * A new release.
	 *
	 * @param tool the tool
	 * @param name its version name, unique per tool ({@code 4.5.1})
	 * @param displayName what users see
	 * @param image {@code repository@sha256:<64 hex>}
	 * @param port the container port
	 * @param readinessPath the path that answers 2xx once the tool is ready
	 * @param args the container's arguments, empty for the image's own
	 * @param defaultProfile the profile used when the user picks none
	 */
	record NewRelease(Tool tool, String name, String displayName, String image, int port, String readinessPath,
			List<String> args, String defaultProfile) {

		public NewRelease {
			args = (args != null) ? List.copyOf(args) : List.of();
		}

	}

	/**
	 * A release's new status.
	 *
	 * @param status the status
	 * @param message shown to its users (needed when deprecated or retired)
	 * @param retireAt when running instances of a retired release stop
	 * @param allowedUsers who may launch a restricted release
	 * @param allowedGroups whose members may launch a restricted release
	 */
	record StatusChange(ReleaseStatus status, String message, Instant retireAt, Set<String> allowedUsers,
			Set<String> allowedGroups) {

		public StatusChange {
			allowedUsers = (allowedUsers != null) ? Set.copyOf(allowedUsers) : Set.of();
			allowedGroups = (allowedGroups != null) ? Set.copyOf(allowedGroups) : Set.of();
		}

	}

}

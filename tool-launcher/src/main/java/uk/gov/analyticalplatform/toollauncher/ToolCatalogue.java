package uk.gov.analyticalplatform.toollauncher;

import java.util.List;

/**
 * The tool catalogue: releases pinned by digest and resource profiles.
 */
public interface ToolCatalogue {

	/** Every release, by tool and name. */
	List<ToolRelease> releases();

	/** Every resource profile, by name. */
	List<ResourceProfile> profiles();

	/**
	 * What the user may launch: releases that are active, deprecated, or restricted to
	 * them or a group of theirs, and profiles open to them.
	 */
	Launchable launchable(ToolUser user);

	/**
	 * What a user may launch.
	 *
	 * @param releases releases they may launch
	 * @param profiles profiles they may use
	 */
	record Launchable(List<ToolRelease> releases, List<ResourceProfile> profiles) {

	}

}

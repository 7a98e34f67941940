package uk.gov.analyticalplatform.toollauncher;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Users' tool instances: one per user per tool. Every change is a row first, with its
 * audit event, in one transaction; the reconciler brings the cluster to it afterwards. An
 * instance that is not the caller's answers {@link ToolInstanceNotFound}, as one that
 * does not exist.
 */
public interface ToolInstances {

	/** The user's instances, by tool. */
	List<ToolInstance> mine(ToolUser user);

	/** One of the user's instances. */
	ToolInstance get(ToolUser user, UUID id);

	/**
	 * Creates the user's instance of a tool and starts it.
	 * @param release the release's name, or {@code null} for the newest active one
	 * @param profile the profile's name, or {@code null} for the release's default
	 * @throws DuplicateToolInstance if they have one already
	 * @throws ToolNotLaunchable if the release or profile is not theirs to use
	 */
	ToolInstance create(ToolUser user, Tool tool, String release, String profile);

	/** Starts a stopped or idled instance (queued behind the start limit). */
	ToolInstance start(ToolUser user, UUID id);

	/** Stops it; the home volume stays. */
	ToolInstance stop(ToolUser user, UUID id);

	/** Replaces its pod; the home volume stays. */
	ToolInstance restart(ToolUser user, UUID id);

	/** Cancels a start that has not reached READY: the instance is stopped. */
	ToolInstance cancel(ToolUser user, UUID id);

	/**
	 * Switches release (up or down) or profile. A running instance restarts on it: its
	 * start time is the switch's, as a restart's ("taking longer than usual" and its
	 * place in the start queue count from it); a start still waiting in the queue keeps
	 * its place; a stopped instance stays stopped.
	 * @param release the new release's name, or {@code null} to keep it
	 * @param profile the new profile's name, or {@code null} to keep it
	 */
	ToolInstance change(ToolUser user, UUID id, String release, String profile);

	/** Recreates every object but the home volume, and starts it. */
	ToolInstance reset(ToolUser user, UUID id);

	/**
	 * Deletes it and its objects.
	 * @param deleteHome whether the home volume goes too (the second confirmation)
	 */
	void delete(ToolUser user, UUID id, boolean deleteHome);

	/** Every instance, for platform admins. */
	List<ToolInstance> all(ToolUser admin);

	/** Stops anyone's instance, as a platform admin. */
	ToolInstance stopAsAdmin(ToolUser admin, UUID id);

	/**
	 * How many instances are in each phase, for the platform's metrics: one grouped
	 * query, no caller check. Phases without an instance are absent.
	 */
	Map<InstancePhase, Long> countByPhase();

}

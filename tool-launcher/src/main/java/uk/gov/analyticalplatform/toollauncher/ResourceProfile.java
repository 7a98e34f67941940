package uk.gov.analyticalplatform.toollauncher;

import java.time.Duration;

/**
 * CPU and memory for an instance, and how long it may sit idle.
 *
 * @param name its unique name
 * @param displayName what users see
 * @param cpuRequestMilli CPU requested, in thousandths of a core
 * @param cpuLimitMilli CPU limit, in thousandths of a core
 * @param memoryRequestMib memory requested, MiB
 * @param memoryLimitMib memory limit, MiB
 * @param idleTimeout how long without a request before the instance is stopped
 * @param restrictedGroup the only group whose members may use it, or {@code null} for
 * everyone
 */
public record ResourceProfile(String name, String displayName, int cpuRequestMilli, int cpuLimitMilli,
		int memoryRequestMib, int memoryLimitMib, Duration idleTimeout, String restrictedGroup) {

	/** Whether the user may use this profile. */
	public boolean usableBy(ToolUser user) {
		return this.restrictedGroup == null || user.groups().contains(this.restrictedGroup);
	}

}

package uk.gov.analyticalplatform.toollauncher;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Tools as the authorisation gate sees them: by host, cheaply (one indexed lookup).
 */
public interface ToolHosts {

	/**
	 * The instance served at a host label ({@code <name>-<tool>}), if any.
	 */
	Optional<HostedInstance> byHostLabel(String hostLabel);

	/** The tools' domain: hosts are {@code <host label>.<domain>}. */
	String domain();

	/**
	 * Starts an owner's stopped or idled instance because they visited it (audited as a
	 * wake).
	 */
	void wake(UUID instanceId, UUID ownerId);

	/** Records the latest request time of each instance, in one batch. */
	void recordActivity(Map<UUID, Instant> lastRequests);

	/**
	 * An instance behind a host.
	 *
	 * @param id the instance
	 * @param ownerId its owner
	 * @param phase what it is doing
	 * @param wantedRunning whether its owner wants it running
	 */
	record HostedInstance(UUID id, UUID ownerId, InstancePhase phase, boolean wantedRunning) {

	}

}

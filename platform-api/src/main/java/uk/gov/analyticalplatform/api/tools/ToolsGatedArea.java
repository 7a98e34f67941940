package uk.gov.analyticalplatform.api.tools;

import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.api.gate.GateDecision;
import uk.gov.analyticalplatform.api.gate.GateSession;
import uk.gov.analyticalplatform.api.gate.GateUser;
import uk.gov.analyticalplatform.api.gate.GatedArea;
import uk.gov.analyticalplatform.toollauncher.InstancePhase;
import uk.gov.analyticalplatform.toollauncher.ToolHosts;
import uk.gov.analyticalplatform.toollauncher.ToolHosts.HostedInstance;

/**
 * The tools behind the gate ({@code /authz/tools}): host {@code <label>.<tools domain>}
 * passes for the instance's owner while it is READY; the owner's instance that is not
 * running (stopped, idled, starting, failed) is asleep, so the browser is sent through
 * sign-in to its progress page, which wakes it. One indexed lookup a request.
 */
@Component
class ToolsGatedArea implements GatedArea {

	private final ToolHosts hosts;

	ToolsGatedArea(ToolHosts hosts) {
		this.hosts = hosts;
	}

	@Override
	public String name() {
		return "tools";
	}

	@Override
	public boolean serves(String host) {
		return label(host) != null;
	}

	@Override
	public GateDecision decide(String host, GateUser user, GateSession session) {
		Optional<HostedInstance> instance = owned(host, user);
		if (instance.isEmpty()) {
			return GateDecision.DENY;
		}
		HostedInstance hosted = instance.get();
		if (hosted.wantedRunning() && hosted.phase() == InstancePhase.READY) {
			return new GateDecision.Allow(hosted.id().toString());
		}
		return new GateDecision.Asleep();
	}

	@Override
	public String wake(String host, GateUser user) {
		HostedInstance hosted = owned(host, user).orElseThrow();
		this.hosts.wake(hosted.id(), user.id());
		return "/tools/" + hosted.id() + "/progress";
	}

	@Override
	public void recordActivity(Map<String, Instant> lastRequests) {
		Map<UUID, Instant> byInstance = new HashMap<>();
		lastRequests.forEach((id, at) -> byInstance.put(UUID.fromString(id), at));
		this.hosts.recordActivity(byInstance);
	}

	private Optional<HostedInstance> owned(String host, GateUser user) {
		String label = label(host);
		if (label == null) {
			return Optional.empty();
		}
		return this.hosts.byHostLabel(label).filter((hosted) -> hosted.ownerId().equals(user.id()));
	}

	/** The host's first label when the rest is the tools domain, else {@code null}. */
	private String label(String host) {
		String suffix = "." + this.hosts.domain().toLowerCase(Locale.ROOT);
		String lower = host.toLowerCase(Locale.ROOT);
		if (!lower.endsWith(suffix)) {
			return null;
		}
		String label = lower.substring(0, lower.length() - suffix.length());
		return (label.isEmpty() || label.contains(".")) ? null : label;
	}

}

package uk.gov.analyticalplatform.api.gate;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * A gated area of the tests' own, {@code /authz/test-area}: host
 * {@code <username>-thing.gate.test} belongs to that user; a username listed as asleep
 * gets {@link GateDecision.Asleep} until woken. It keeps the activity the gate records.
 */
@Component
class TestGatedArea implements GatedArea {

	static final String DOMAIN = ".gate.test";

	final Map<String, Instant> activity = new ConcurrentHashMap<>();

	final Set<String> asleep = ConcurrentHashMap.newKeySet();

	@Override
	public String name() {
		return "test-area";
	}

	@Override
	public boolean serves(String host) {
		return host.endsWith(DOMAIN);
	}

	@Override
	public GateDecision decide(String host, GateUser user, GateSession session) {
		if (!host.equals(host(user.username()))) {
			return GateDecision.DENY;
		}
		return this.asleep.contains(user.username()) ? new GateDecision.Asleep()
				: new GateDecision.Allow("thing-of-" + user.username());
	}

	@Override
	public String wake(String host, GateUser user) {
		this.asleep.remove(user.username());
		return "/test-area/waking";
	}

	@Override
	public void recordActivity(Map<String, Instant> lastRequests) {
		this.activity.putAll(lastRequests);
	}

	static String host(String username) {
		return username + "-thing" + DOMAIN;
	}

}

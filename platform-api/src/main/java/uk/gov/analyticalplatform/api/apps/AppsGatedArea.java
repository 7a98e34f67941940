package uk.gov.analyticalplatform.api.apps;

import java.time.Instant;
import java.util.Map;

import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.api.gate.GateDecision;
import uk.gov.analyticalplatform.api.gate.GateSession;
import uk.gov.analyticalplatform.api.gate.GateUser;
import uk.gov.analyticalplatform.api.gate.GatedArea;
import uk.gov.analyticalplatform.appdeploy.AppGate;
import uk.gov.analyticalplatform.appdeploy.AppsProperties;
import uk.gov.analyticalplatform.web.AppNotices;

/**
 * Apps behind the gate ({@code /authz/apps}): the host {@code <name>.<apps-domain>} lets
 * through the app's owners and viewers, decided by one indexed lookup per request
 * ({@link AppGate}); anyone else, and any host that is no app, gets the same 403.
 * <p>
 * The availability notice stands in front of every app once per session: until the
 * session has been shown it for this app, the decision is {@link GateDecision.Asleep
 * asleep}, so the gate answers 401, the ingress sends the browser through sign-in, and
 * "waking" the app is showing the notice page, which sends the browser on to the app.
 * Once the session has been shown it, the gate remembers so with the session's sign-in
 * ({@link GateSession#holds}): the notice costs no session read per request.
 */
@Component
class AppsGatedArea implements GatedArea {

	static final String NOTICE_PAGE = "/apps/notice";

	private static final String NOTICE_FACT = "apps.notice-seen:";

	private final AppGate gate;

	private final String suffix;

	AppsGatedArea(AppGate gate, AppsProperties properties) {
		this.gate = gate;
		this.suffix = "." + properties.domain();
	}

	@Override
	public String name() {
		return "apps";
	}

	@Override
	public boolean serves(String host) {
		return app(host) != null;
	}

	@Override
	public GateDecision decide(String host, GateUser user, GateSession session) {
		String app = app(host);
		if (app == null || !this.gate.admit(app, user.id(), user.email()).admitted()) {
			return GateDecision.DENY;
		}
		return session.holds(NOTICE_FACT + app, (attributes) -> AppNotices.seen(attributes, app))
				? new GateDecision.Allow(null) : new GateDecision.Asleep();
	}

	@Override
	public String wake(String host, GateUser user) {
		return NOTICE_PAGE;
	}

	@Override
	public void recordActivity(Map<String, Instant> lastRequests) {
		// apps are not stopped when idle: nothing to record
	}

	/** The app a host names, or {@code null} when it names none. */
	String app(String host) {
		if (host == null || !host.endsWith(this.suffix)) {
			return null;
		}
		String name = host.substring(0, host.length() - this.suffix.length());
		return (!name.isEmpty() && name.indexOf('.') < 0) ? name : null;
	}

}

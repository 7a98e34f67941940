package uk.gov.analyticalplatform.api.gate;

import java.time.Instant;
import java.util.Map;

/**
 * One area behind the authorisation gate (tools, apps): the seam between the gate's
 * generic mechanics (reading the original request, resolving the signed-in session,
 * refusing suspended users, 401/403, sign-in and return, identity headers, batched
 * activity) and the capability module that knows who may reach which host.
 * <p>
 * The gate answers {@code GET /authz/{name}} for the area. An implementation is a thin
 * adapter in platform-api over its module's root API; it must be fast (the gate calls
 * {@link #decide} on every request that reaches a tool or app: one indexed lookup, or a
 * cache) and must answer the same {@link GateDecision.Deny} for a host that does not
 * exist as for one that belongs to someone else.
 */
public interface GatedArea {

	/**
	 * The area's name, the last segment of its gate URL: {@code tools} for
	 * {@code /authz/tools}.
	 */
	String name();

	/**
	 * Whether the host lies in this area's domain: the gate returns a browser after
	 * sign-in only to such hosts.
	 */
	boolean serves(String host);

	/**
	 * Whether the signed-in user (who passed the second factor and is not suspended) may
	 * reach the host now. Read-only and cheap.
	 * @param host the host of the original request
	 * @param user the signed-in user
	 * @param session the user's session, for an area that needs more of it
	 */
	GateDecision decide(String host, GateUser user, GateSession session);

	/**
	 * Wakes what the host serves for its owner, after {@link #decide} said it is
	 * {@link GateDecision.Asleep asleep} and the owner's browser came back through
	 * sign-in.
	 * @return the control panel's path of a page that shows progress and then sends the
	 * browser on to the URL given as its {@code rd} parameter
	 */
	String wake(String host, GateUser user);

	/**
	 * Records when each allowed activity key was last requested, in one batch: the gate
	 * calls this every flush interval with the latest time seen per key since the last
	 * batch, never once a request.
	 * @param lastRequests the latest request time per activity key
	 */
	void recordActivity(Map<String, Instant> lastRequests);

}

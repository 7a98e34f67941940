package uk.gov.analyticalplatform.api.gate;

/**
 * What a {@link GatedArea} decides for one request to one of its hosts.
 */
public sealed interface GateDecision {

	/** Deny, the same way whether the host exists or not. */
	GateDecision DENY = new Deny();

	/**
	 * The user may pass: the gate answers 2xx with the identity headers and records the
	 * request's time under the activity key.
	 *
	 * @param activityKey what the request counts as activity of (an instance id), or
	 * {@code null} for nothing
	 */
	record Allow(String activityKey) implements GateDecision {

	}

	/** The user may not pass: 403, or 401 for nobody signed in. */
	record Deny() implements GateDecision {

	}

	/**
	 * The host is the user's own but is not running (idled, stopped): the gate answers
	 * 401 so that the ingress sends the browser to sign-in, where the gate wakes it and
	 * shows its progress.
	 */
	record Asleep() implements GateDecision {

	}

}

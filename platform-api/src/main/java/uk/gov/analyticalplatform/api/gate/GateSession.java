package uk.gov.analyticalplatform.api.gate;

import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The signed-in session a request to the gate came with, for an area that needs more of
 * it than the user (apps: whether the session was shown an app's availability notice).
 */
public interface GateSession {

	/**
	 * Whether a fact about the session holds that, once true, stays true for the rest of
	 * the session (the notice was shown). Tested against the stored session's attributes
	 * until it holds; from then on the gate remembers it with the session's sign-in
	 * ({@link GateSessions}), so asking again costs no session read. A fact is never
	 * remembered as false.
	 * @param fact names the fact, unique across areas
	 * @param test the test, given the session's attributes by name
	 */
	boolean holds(String fact, Predicate<Function<String, Object>> test);

}

package uk.gov.analyticalplatform.web;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;

import jakarta.servlet.http.HttpSession;

/**
 * Which apps' availability notice this browser session has been shown: the gate sends a
 * session that has not read an app's notice to the notice page once, and the notice page
 * records that it did.
 */
public final class AppNotices {

	static final String ATTRIBUTE = "analytical-platform.apps.notice-seen";

	private AppNotices() {
	}

	/** Whether the session has been shown the notice in front of this app. */
	public static boolean seen(HttpSession session, String app) {
		return session != null && seen(session::getAttribute, app);
	}

	/**
	 * Whether a session, given by its attributes, has been shown the notice in front of
	 * this app.
	 */
	public static boolean seen(Function<String, Object> attributes, String app) {
		return attributes.apply(ATTRIBUTE) instanceof Set<?> seen && seen.contains(app);
	}

	/** Records that the session has been shown the notice in front of this app. */
	public static void markSeen(HttpSession session, String app) {
		Set<String> seen = new HashSet<>();
		if (session.getAttribute(ATTRIBUTE) instanceof Set<?> before) {
			before.forEach((name) -> seen.add((String) name));
		}
		seen.add(app);
		// set anew (not changed in place) so that the session store writes it
		session.setAttribute(ATTRIBUTE, seen);
	}

}

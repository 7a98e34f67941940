package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.HttpStatus;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The gate's decisions, shared by the {@link GateFilter} (which answers
 * {@code /authz/<area>} for every area before the rest of the application) and the
 * {@link GateController} (sign-in and return, and any other {@code /authz/...} path): who
 * is signed in, whether they may pass to a host, and the batched activity of what passed.
 */
final class Gate {

	private final Map<String, GatedArea> areas = new LinkedHashMap<>();

	private final GateSessions sessions;

	private final GateUsers users;

	private final ActivityRecorder activity;

	private final Clock clock;

	Gate(List<GatedArea> areas, GateSessions sessions, GateUsers users, ActivityRecorder activity, Clock clock) {
		areas.forEach((area) -> this.areas.put(area.name(), area));
		this.sessions = sessions;
		this.users = users;
		this.activity = activity;
		this.clock = clock;
	}

	Collection<GatedArea> areas() {
		return Collections.unmodifiableCollection(this.areas.values());
	}

	/**
	 * The answer to the ingress's external-auth call for the area: 200 with the user, 401
	 * (nobody signed in, or the user's own host asleep) or 403.
	 */
	Answer authorise(String area, HttpServletRequest request) {
		GatedArea gated = this.areas.get(area);
		OriginalRequest original = OriginalRequest.of(request);
		if (gated == null || original == null) {
			return Answer.FORBIDDEN;
		}
		GateSessions.Cached session = this.sessions.signedIn(request);
		Signed signed = signedIn((session != null) ? Optional.of(session.signIn()) : Optional.empty());
		if (signed.status() != null) {
			return new Answer(signed.status(), null);
		}
		GateUser user = signed.user();
		GateDecision decision = gated.decide(original.host(), user, session);
		if (decision instanceof GateDecision.Allow allow) {
			if (allow.activityKey() != null) {
				this.activity.record(gated, allow.activityKey(), this.clock.instant());
			}
			return new Answer(HttpStatus.OK, user);
		}
		return (decision instanceof GateDecision.Asleep) ? Answer.UNAUTHORIZED : Answer.FORBIDDEN;
	}

	/** The area that serves the host, if any. */
	Optional<GatedArea> serving(String host) {
		return this.areas.values().stream().filter((candidate) -> candidate.serves(host)).findFirst();
	}

	/**
	 * The request's session as the control panel reads it (inside Spring Session's
	 * filter), for an area's decision on sign-in and return.
	 */
	static GateSession current(HttpServletRequest request) {
		return (fact, test) -> {
			HttpSession session = request.getSession(false);
			return session != null && test.test(session::getAttribute);
		};
	}

	/** The request's session's signed-in user, read from the store now. */
	Signed signedInNow(HttpServletRequest request) {
		return signedIn(this.sessions.read(request));
	}

	/** The session's signed-in user, or the status to answer instead (401 or 403). */
	private Signed signedIn(Optional<RememberedSignIn> remembered) {
		if (remembered.isEmpty()) {
			return new Signed(null, HttpStatus.UNAUTHORIZED);
		}
		Optional<UserAccount> found = this.users.find(remembered.get().userId());
		if (found.isEmpty()) {
			return new Signed(null, HttpStatus.UNAUTHORIZED);
		}
		UserAccount user = found.get();
		if (user.suspended()) {
			return new Signed(null, HttpStatus.FORBIDDEN);
		}
		if (!remembered.get().secondFactorPassed() || user.passwordChangeRequired()
				|| user.sessionEpoch() != remembered.get().sessionEpoch()) {
			return new Signed(null, HttpStatus.UNAUTHORIZED);
		}
		return new Signed(new GateUser(user.id(), user.username(), user.email()), null);
	}

	/** A signed-in user, or the status to answer instead. */
	record Signed(GateUser user, HttpStatus status) {

	}

	/** What the gate answers: the status, and the user who passes with a 200. */
	record Answer(HttpStatus status, GateUser user) {

		static final Answer FORBIDDEN = new Answer(HttpStatus.FORBIDDEN, null);

		static final Answer UNAUTHORIZED = new Answer(HttpStatus.UNAUTHORIZED, null);

	}

}

package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.util.Collection;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.http.HttpStatus;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;
import uk.gov.analyticalplatform.identity.UserAccount;

/**
 * The gate's decisions, shared by the {@link GateFilter} (which answers
 * {@code /authz/<area>} for every area before the rest of the application) and the
 * {@link GateController} (sign-in and return, and any other {@code /authz/...} path): who
 * is signed in, whether they may pass to a host, and the batched activity of what passed.
 * Each answer of an area's gate URL is counted ({@value #ANSWERS}, tagged with the area,
 * the {@link Verdict} and its status) on counters registered up front: the gate answers
 * before the {@code http.server.requests} observation, and a count costs no lookup.
 */
final class Gate {

	/** The counter of the gate's answers, by area, answer and status. */
	static final String ANSWERS = "platform.gate.answers";

	private final Map<String, Area> areas = new LinkedHashMap<>();

	private final GateSessions sessions;

	private final GateUsers users;

	private final ActivityRecorder activity;

	private final Clock clock;

	Gate(List<GatedArea> areas, GateSessions sessions, GateUsers users, ActivityRecorder activity, Clock clock,
			MeterRegistry meters) {
		areas.forEach((area) -> this.areas.put(area.name(), new Area(area, Verdict.counters(area.name(), meters))));
		this.sessions = sessions;
		this.users = users;
		this.activity = activity;
		this.clock = clock;
	}

	Collection<GatedArea> areas() {
		return this.areas.values().stream().map(Area::gated).toList();
	}

	/**
	 * The answer to the ingress's external-auth call for the area: 200 with the user, 401
	 * (nobody signed in, or the user's own host asleep) or 403; counted for an area that
	 * exists.
	 */
	Answer authorise(String area, HttpServletRequest request) {
		Area gated = this.areas.get(area);
		if (gated == null) {
			return Answer.of(Verdict.DENIED);
		}
		Answer answer = answer(gated.gated(), request);
		gated.answers()[answer.verdict().ordinal()].increment();
		return answer;
	}

	private Answer answer(GatedArea gated, HttpServletRequest request) {
		OriginalRequest original = OriginalRequest.of(request);
		if (original == null) {
			return Answer.of(Verdict.NO_ORIGINAL_REQUEST);
		}
		GateSessions.Cached session = this.sessions.signedIn(request);
		Signed signed = signedIn((session != null) ? Optional.of(session.signIn()) : Optional.empty());
		if (signed.verdict() != null) {
			return Answer.of(signed.verdict());
		}
		GateUser user = signed.user();
		GateDecision decision = gated.decide(original.host(), user, session);
		if (decision instanceof GateDecision.Allow allow) {
			if (allow.activityKey() != null) {
				this.activity.record(gated, allow.activityKey(), this.clock.instant());
			}
			return new Answer(Verdict.ALLOWED, user);
		}
		return Answer.of((decision instanceof GateDecision.Asleep) ? Verdict.ASLEEP : Verdict.DENIED);
	}

	/** The area that serves the host, if any. */
	Optional<GatedArea> serving(String host) {
		return this.areas.values().stream().map(Area::gated).filter((candidate) -> candidate.serves(host)).findFirst();
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

	/** The session's signed-in user, or the answer to give instead (401 or 403). */
	private Signed signedIn(Optional<RememberedSignIn> remembered) {
		if (remembered.isEmpty()) {
			return new Signed(null, Verdict.SIGNED_OUT);
		}
		Optional<UserAccount> found = this.users.find(remembered.get().userId());
		if (found.isEmpty()) {
			return new Signed(null, Verdict.SIGNED_OUT);
		}
		UserAccount user = found.get();
		if (user.suspended()) {
			return new Signed(null, Verdict.SUSPENDED);
		}
		if (!remembered.get().secondFactorPassed() || user.passwordChangeRequired()
				|| user.sessionEpoch() != remembered.get().sessionEpoch()) {
			return new Signed(null, Verdict.SIGNED_OUT);
		}
		return new Signed(new GateUser(user.id(), user.username(), user.email()), null);
	}

	/** A signed-in user, or the answer to give instead. */
	record Signed(GateUser user, Verdict verdict) {

		/** The status to answer instead of letting the user pass, or {@code null}. */
		HttpStatus status() {
			return (this.verdict != null) ? this.verdict.status() : null;
		}

	}

	/** Why the gate answers as it does, each with its status: the counters' tags. */
	enum Verdict {

		/** The user may pass. */
		ALLOWED(HttpStatus.OK),
		/** Nobody signed in, or the session is no longer current: sign in. */
		SIGNED_OUT(HttpStatus.UNAUTHORIZED),
		/** The user's own tool is not running: sign-in wakes it. */
		ASLEEP(HttpStatus.UNAUTHORIZED),
		/** The host is someone else's, or does not exist. */
		DENIED(HttpStatus.FORBIDDEN),
		/** The user is suspended. */
		SUSPENDED(HttpStatus.FORBIDDEN),
		/**
		 * The ingress's call named no original request (no {@code X-Original-URL} or
		 * {@code X-Forwarded-Host}): the ingress is not configured as the gate expects.
		 */
		NO_ORIGINAL_REQUEST(HttpStatus.FORBIDDEN);

		private static final Verdict[] ALL = values();

		private final HttpStatus status;

		Verdict(HttpStatus status) {
			this.status = status;
		}

		HttpStatus status() {
			return this.status;
		}

		/** The answer's tag value: {@code allowed}, {@code signed_out}... */
		String tag() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** One counter per verdict for the area, indexed by ordinal, registered now. */
		static Counter[] counters(String area, MeterRegistry meters) {
			Counter[] counters = new Counter[ALL.length];
			for (Verdict verdict : ALL) {
				counters[verdict.ordinal()] = Counter.builder(ANSWERS)
					.description("Answers of the authorisation gate, by area, answer and status")
					.tag("area", area)
					.tag("answer", verdict.tag())
					.tag("status", Integer.toString(verdict.status().value()))
					.register(meters);
			}
			return counters;
		}

	}

	/** What the gate answers: why, and the user who passes with a 200. */
	record Answer(Verdict verdict, GateUser user) {

		private static final Answer[] WITHOUT_USER = Arrays.stream(Verdict.ALL)
			.map((verdict) -> new Answer(verdict, null))
			.toArray(Answer[]::new);

		/** The answer of the verdict for nobody. */
		static Answer of(Verdict verdict) {
			return WITHOUT_USER[verdict.ordinal()];
		}

		HttpStatus status() {
			return this.verdict.status();
		}

	}

	/** A gated area and its counters of answers, indexed by {@link Verdict} ordinal. */
	private record Area(GatedArea gated, Counter[] answers) {

	}

}

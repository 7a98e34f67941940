package uk.gov.analyticalplatform.api.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.identity.SessionSignIn;
import uk.gov.analyticalplatform.identity.Users;

/**
 * Whether the sessions long responses (tools' progress streams) were opened with still
 * sign their users in, for what outlives the request that checked it. A session ended on
 * this replica (signed out, or ended by {@link SessionUserFilter}) is announced at once
 * by Spring Session's {@link org.springframework.session.events.SessionDeletedEvent},
 * which the session store publishes when it deletes a session; this answers for the rest
 * (expired, signed out on another replica, a suspension or "sign out everywhere"), with
 * the same rules as the session store's read and a request's {@link SessionUserFilter},
 * at a cost of two queries however many sessions are asked about: one of the session
 * store, one of the users (through identity's API, whose table it is).
 */
@Component
public class SessionStanding {

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final JdbcClient jdbc;

	private final Users users;

	SessionStanding(JdbcClient jdbc, Users users) {
		this.jdbc = jdbc;
		this.users = users;
	}

	/**
	 * The session this request is signed in through, with its sign-in; none when it
	 * signed in with an API token.
	 */
	public Optional<SignedInSession> sessionOf(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication instanceof PlatformAuthentication platform && platform.viaSession()) {
			return RememberedSignIn
				.of((session.getAttribute(CONTEXT) instanceof SecurityContext context) ? context : null)
				.map((signIn) -> new SignedInSession(session.getId(),
						new SessionSignIn(signIn.userId(), signIn.sessionEpoch())));
		}
		return Optional.empty();
	}

	/**
	 * Of these sessions, the ids of those that no longer sign their user in: gone or
	 * expired, or their user is suspended or signed out everywhere since.
	 */
	public Set<String> ended(Collection<SignedInSession> sessions) {
		if (sessions.isEmpty()) {
			return Set.of();
		}
		Set<String> live = live(sessions.stream().map(SignedInSession::id).toList());
		Set<SessionSignIn> signedOut = this.users.endedSignIns(sessions.stream()
			.filter((session) -> live.contains(session.id()))
			.map(SignedInSession::signIn)
			.collect(Collectors.toSet()));
		return ended(sessions, live, signedOut);
	}

	/** The sessions that are not live, or whose sign-in ended. */
	static Set<String> ended(Collection<SignedInSession> sessions, Set<String> live, Set<SessionSignIn> signedOut) {
		Set<String> ended = new HashSet<>();
		for (SignedInSession session : sessions) {
			if (!live.contains(session.id()) || signedOut.contains(session.signIn())) {
				ended.add(session.id());
			}
		}
		return ended;
	}

	/**
	 * Of these session ids, those the session store would find: stored and not expired,
	 * by its rule and its clock, the system's (a negative idle timeout never expires;
	 * otherwise the last access plus the idle timeout is still ahead).
	 */
	private Set<String> live(List<String> ids) {
		return new HashSet<>(this.jdbc.sql("""
				SELECT session_id FROM spring_session
				WHERE session_id = ANY (CAST(? AS char(36)[]))
				  AND (max_inactive_interval < 0 OR last_access_time + max_inactive_interval * 1000::bigint > ?)
				""").params(ids.toArray(String[]::new), System.currentTimeMillis()).query(String.class).list());
	}

}

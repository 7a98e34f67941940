package uk.gov.analyticalplatform.api.security;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

import uk.gov.analyticalplatform.identity.Users;

/**
 * Whether the session a long response (a tool's progress stream) was opened with still
 * signs its user in, for what outlives the request that checked it. A session ended on
 * this replica (signed out, or ended by {@link SessionUserFilter}) is announced at once
 * by Spring Session's {@link org.springframework.session.events.SessionDeletedEvent},
 * which the session store publishes when it deletes a session; this answers for the rest
 * (expired, signed out on another replica, a suspension or "sign out everywhere"), with
 * the same rules as a request's {@link SessionUserFilter}, at a cost of a read of the
 * session and one of its user.
 */
@Component
public class SessionStanding {

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final SessionRepository<? extends Session> store;

	private final Users users;

	SessionStanding(SessionRepository<? extends Session> store, Users users) {
		this.store = store;
		this.users = users;
	}

	/**
	 * The id of the session this request is signed in through; none when it signed in
	 * with an API token.
	 */
	public Optional<String> sessionOf(HttpServletRequest request) {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		HttpSession session = request.getSession(false);
		if (session != null && authentication instanceof PlatformAuthentication platform && platform.viaSession()) {
			return Optional.of(session.getId());
		}
		return Optional.empty();
	}

	/**
	 * Whether the session still signs its user in: it exists, has not expired, and its
	 * user is neither suspended nor signed out everywhere since.
	 */
	public boolean holds(String sessionId) {
		Session session = this.store.findById(sessionId);
		if (session == null) {
			return false;
		}
		Optional<RememberedSignIn> signIn = RememberedSignIn
			.of((session.getAttribute(CONTEXT) instanceof SecurityContext context) ? context : null);
		return signIn
			.flatMap((remembered) -> this.users.findById(remembered.userId())
				.filter((user) -> SessionUserFilter.stillSignedIn(user, remembered.sessionEpoch())))
			.isPresent();
	}

}

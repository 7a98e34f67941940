package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Predicate;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.web.http.CookieSerializer;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;

/**
 * The sign-ins of sessions as the gate sees them: a session's stored sign-in is read from
 * the session store at most once per session per time-to-live, so that a tool's burst of
 * requests (a notebook loads dozens of assets) costs no store read, as oauth2-proxy's
 * cookie sessions cost none. Only the sign-in is kept (user id, session epoch, second
 * factor), never the user: the gate checks the user, through {@link GateUsers}, on every
 * request. With it are kept the facts an area found true of the session that stay true
 * while it lasts ({@link GateSession#holds}: an app's notice was shown), never a fact
 * found false; they are forgotten with the sign-in, and tested again on the session read
 * after the time-to-live.
 * <p>
 * The gate answers before Spring Session's filter (see {@link GateFilter}), so this reads
 * the store itself: the session named by the cookie (the first of several that exists, as
 * Spring Session does), kept alive by a touch on each read, as any request that reads a
 * session does.
 * <p>
 * The bound this sets: a session signed out (or expired) still passes the gate for at
 * most the time-to-live after its last read on each replica; a suspension, a two-factor
 * reset or signing out everywhere is bounded the same way by {@link GateUsers}. A session
 * read through this cache is still read from the store (and so kept alive) once per
 * time-to-live while its tool is in use. Sessions without a sign-in are not remembered:
 * their next request reads the store again. Memory is bounded: beyond {@link #MAX_CACHED}
 * sessions the cache starts afresh.
 */
final class GateSessions {

	static final int MAX_CACHED = 50_000;

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final CookieSerializer cookies;

	private final SessionRepository<? extends Session> store;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final Duration ttl;

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	GateSessions(CookieSerializer cookies, SessionRepository<? extends Session> store,
			SecurityContextRepository contexts, Clock clock, Duration ttl) {
		this.cookies = cookies;
		this.store = store;
		this.contexts = contexts;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * The request's signed-in session, as read from the store within the time-to-live;
	 * {@code null} when the request names no session or its session holds no sign-in.
	 */
	Cached signedIn(HttpServletRequest request) {
		List<String> ids = this.cookies.readCookieValues(request);
		if (ids.isEmpty()) {
			return null;
		}
		String key = (ids.size() == 1) ? ids.get(0) : String.join(" ", ids);
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(key);
		if (cached != null && now.isBefore(cached.until)) {
			return cached;
		}
		Cached read = read(ids, now);
		if (read != null) {
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			this.cache.put(key, read);
		}
		else if (cached != null) {
			this.cache.remove(key);
		}
		return read;
	}

	/**
	 * The sign-in of the request's session, read now through the security context
	 * repository (for requests inside Spring Session's filter: sign-in and return).
	 */
	Optional<RememberedSignIn> read(HttpServletRequest request) {
		return RememberedSignIn.of(this.contexts.loadDeferredContext(request).get());
	}

	private Cached read(List<String> ids, Instant now) {
		Session session = touched(this.store, ids, now);
		if (session == null) {
			return null;
		}
		Optional<RememberedSignIn> signIn = RememberedSignIn
			.of((session.getAttribute(CONTEXT) instanceof SecurityContext context) ? context : null);
		return signIn.isPresent() ? new Cached(signIn.get(), now.plus(this.ttl), ids) : null;
	}

	/** The first named session that exists, touched (kept alive) as a request does. */
	private static <S extends Session> S touched(SessionRepository<S> store, List<String> ids, Instant now) {
		S session = found(store, ids);
		if (session != null) {
			session.setLastAccessedTime(now);
			store.save(session);
		}
		return session;
	}

	private static <S extends Session> S found(SessionRepository<S> store, List<String> ids) {
		for (String id : ids) {
			S session = store.findById(id);
			if (session != null) {
				return session;
			}
		}
		return null;
	}

	/** A session's sign-in as last read, and the facts found true of it since. */
	final class Cached implements GateSession {

		private final RememberedSignIn signIn;

		private final Instant until;

		private final List<String> ids;

		private final Set<String> facts = ConcurrentHashMap.newKeySet(2);

		private Cached(RememberedSignIn signIn, Instant until, List<String> ids) {
			this.signIn = signIn;
			this.until = until;
			this.ids = ids;
		}

		RememberedSignIn signIn() {
			return this.signIn;
		}

		@Override
		public boolean holds(String fact, Predicate<Function<String, Object>> test) {
			if (this.facts.contains(fact)) {
				return true;
			}
			Session session = found(GateSessions.this.store, this.ids);
			if (session == null || !test.test(session::getAttribute)) {
				return false;
			}
			this.facts.add(fact);
			return true;
		}

	}

}

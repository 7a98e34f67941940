package uk.gov.analyticalplatform.api.gate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.web.http.CookieSerializer;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;

/**
 * The sign-ins of sessions as the gate sees them: a session's stored sign-in is read from
 * the session store at most once per session per time-to-live, so that a tool's burst of
 * requests (a notebook loads dozens of assets) costs no store read, as oauth2-proxy's
 * cookie sessions cost none. Only the sign-in is kept (user id, session epoch, second
 * factor), never the user: the gate checks the user, through {@link GateUsers}, on every
 * request.
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

	private final CookieSerializer cookies;

	private final SecurityContextRepository contexts;

	private final Clock clock;

	private final Duration ttl;

	private final ConcurrentHashMap<String, Cached> cache = new ConcurrentHashMap<>();

	GateSessions(CookieSerializer cookies, SecurityContextRepository contexts, Clock clock, Duration ttl) {
		this.cookies = cookies;
		this.contexts = contexts;
		this.clock = clock;
		this.ttl = ttl;
	}

	/**
	 * The sign-in of the request's session, as read from the store within the
	 * time-to-live; empty when the request names no session or its session holds no
	 * sign-in.
	 */
	Optional<RememberedSignIn> signIn(HttpServletRequest request) {
		List<String> ids = this.cookies.readCookieValues(request);
		if (ids.isEmpty()) {
			return Optional.empty();
		}
		String key = (ids.size() == 1) ? ids.get(0) : String.join(" ", ids);
		Instant now = this.clock.instant();
		Cached cached = this.cache.get(key);
		if (cached != null && now.isBefore(cached.until())) {
			return Optional.of(cached.signIn());
		}
		Optional<RememberedSignIn> read = read(request);
		if (read.isPresent()) {
			if (this.cache.size() >= MAX_CACHED) {
				this.cache.clear();
			}
			this.cache.put(key, new Cached(read.get(), now.plus(this.ttl)));
		}
		else if (cached != null) {
			this.cache.remove(key);
		}
		return read;
	}

	/** The sign-in of the request's session, read from the store now. */
	Optional<RememberedSignIn> read(HttpServletRequest request) {
		return RememberedSignIn.of(this.contexts.loadDeferredContext(request).get());
	}

	private record Cached(RememberedSignIn signIn, Instant until) {

	}

}

package uk.gov.analyticalplatform.api.security;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.Session;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A session store that reads a session at most once a request. Spring Session reads the
 * session again when it commits it a second time, after the response was committed
 * (spring-projects/spring-session#1731): with the JDBC store that is a query, a
 * transaction and a deserialisation on every request that writes a body. Within a request
 * (opened by {@link #scope()}, on the request's thread), the session read or saved first
 * is the one handed back; outside a request every call goes to the store. A session
 * deleted through it (signed out, invalidated) is announced with Spring Session's
 * {@link SessionDeletedEvent}, as its JDBC store does not: what outlives a request of the
 * session (a progress stream) ends with it.
 *
 * @param <S> the store's session type
 */
final class RequestScopedSessionReads<S extends Session> implements FindByIndexNameSessionRepository<S> {

	private static final ThreadLocal<Map<String, Session>> READ = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	private final ApplicationEventPublisher events;

	RequestScopedSessionReads(FindByIndexNameSessionRepository<S> store, ApplicationEventPublisher events) {
		this.store = store;
		this.events = events;
	}

	/**
	 * The filter that opens a request's scope; it must run before Spring Session's
	 * filter, so that the scope outlives the session's last commit.
	 */
	static OncePerRequestFilter scope() {
		return new OncePerRequestFilter() {

			@Override
			protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
					throws ServletException, IOException {
				Map<String, Session> outer = READ.get();
				READ.set(new HashMap<>(2));
				try {
					chain.doFilter(request, response);
				}
				finally {
					READ.set(outer);
				}
			}

		};
	}

	@Override
	public S createSession() {
		return this.store.createSession();
	}

	@Override
	public void save(S session) {
		this.store.save(session);
		remember(session);
	}

	@Override
	@SuppressWarnings("unchecked")
	public S findById(String id) {
		Map<String, Session> read = READ.get();
		if (read != null) {
			Session known = read.get(id);
			if (known != null && id.equals(known.getId())) {
				return (S) known;
			}
		}
		S session = this.store.findById(id);
		if (session != null) {
			remember(session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, Session> read = READ.get();
		if (read != null) {
			read.remove(id);
		}
		this.store.deleteById(id);
		this.events.publishEvent(new SessionDeletedEvent(this, new MapSession(id)));
	}

	@Override
	public Map<String, S> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		return this.store.findByIndexNameAndIndexValue(indexName, indexValue);
	}

	private void remember(S session) {
		Map<String, Session> read = READ.get();
		if (read != null) {
			read.put(session.getId(), session);
		}
	}

}

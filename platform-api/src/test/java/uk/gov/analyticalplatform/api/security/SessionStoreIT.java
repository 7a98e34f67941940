package uk.gov.analyticalplatform.api.security;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session store of the running application reads a session once a request, and never
 * hands a session read in one request to another.
 */
class SessionStoreIT extends IdentityIntegrationTest {

	private final SessionRepository<Session> sessions;

	@Autowired
	@SuppressWarnings("unchecked")
	SessionStoreIT(ApplicationContext context) {
		// the store Spring Session's filter is given, whatever its session type
		this.sessions = context.getBean("sessionRepository", SessionRepository.class);
	}

	@Test
	void theApplicationsSessionStoreIsTheOneThatReadsOnceARequest() {
		assertThat(this.sessions).isInstanceOf(RequestScopedSessionReads.class);
	}

	@Test
	void withinARequestTheSessionIsReadFromTheDatabaseOnce() throws Exception {
		String id = storedSession();
		List<Session> read = new ArrayList<>();
		inOneRequest(() -> {
			read.add(this.sessions.findById(id));
			removeBehindTheStoresBack(id);
			read.add(this.sessions.findById(id));
		});
		assertThat(read.get(0)).isNotNull();
		assertThat(read.get(1)).isSameAs(read.get(0));
		assertThat(read.get(0).<String>getAttribute("colour")).isEqualTo("green");
	}

	@Test
	void theNextRequestReadsTheDatabaseAgain() throws Exception {
		String id = storedSession();
		inOneRequest(() -> assertThat(this.sessions.findById(id)).isNotNull());
		removeBehindTheStoresBack(id);
		inOneRequest(() -> assertThat(this.sessions.findById(id)).isNull());
		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void aSessionDeletedWithinTheRequestIsGoneForTheRestOfIt() throws Exception {
		String id = storedSession();
		inOneRequest(() -> {
			assertThat(this.sessions.findById(id)).isNotNull();
			this.sessions.deleteById(id);
			assertThat(this.sessions.findById(id)).isNull();
		});
	}

	@Test
	void outsideARequestEveryReadGoesToTheDatabase() {
		String id = storedSession();
		Session first = this.sessions.findById(id);
		Session second = this.sessions.findById(id);
		assertThat(first).isNotNull();
		assertThat(second).isNotSameAs(first);
	}

	@Test
	void aSessionUsedAgainWithinAMinuteIsNotWrittenAgain() {
		String id = storedSession();
		long stored = lastAccess(id);
		Session session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(59));
		this.sessions.save(session);
		assertThat(lastAccess(id)).isEqualTo(stored);
	}

	@Test
	void aSessionUsedAMinuteOrMoreLaterIsWritten() {
		String id = storedSession();
		long stored = lastAccess(id);
		Session session = this.sessions.findById(id);
		session.setLastAccessedTime(Instant.ofEpochMilli(stored).plusSeconds(60));
		this.sessions.save(session);
		assertThat(lastAccess(id)).isEqualTo(stored + 60_000);
	}

	@Test
	void aChangedIdleTimeoutOrSessionIdIsWrittenAtOnce() {
		String id = storedSession();
		Session session = this.sessions.findById(id);
		session.setMaxInactiveInterval(Duration.ofMinutes(7));
		String newId = session.changeSessionId();
		this.sessions.save(session);
		assertThat(superuserQuery("SELECT max_inactive_interval FROM spring_session WHERE session_id = ?", newId))
			.containsExactly("420");
		assertThat(this.sessions.findById(id)).isNull();
	}

	@Test
	void aChangedAttributeIsWrittenAtOnce() {
		String id = storedSession();
		Session session = this.sessions.findById(id);
		session.setAttribute("colour", "blue");
		this.sessions.save(session);
		assertThat(this.sessions.findById(id).<String>getAttribute("colour")).isEqualTo("blue");
	}

	private long lastAccess(String id) {
		return Long
			.parseLong(superuserQuery("SELECT last_access_time FROM spring_session WHERE session_id = ?", id).get(0));
	}

	private String storedSession() {
		Session session = this.sessions.createSession();
		session.setAttribute("colour", "green");
		this.sessions.save(session);
		return session.getId();
	}

	private void removeBehindTheStoresBack(String id) {
		assertThat(superuserQuery("DELETE FROM spring_session WHERE session_id = ? RETURNING session_id", id))
			.containsExactly(id);
	}

	private static void inOneRequest(Runnable work) throws Exception {
		RequestScopedSessionReads.scope()
			.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), (request, response) -> work.run());
	}

}

package uk.gov.analyticalplatform.api.gate;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;
import org.springframework.session.web.http.DefaultCookieSerializer;

import uk.gov.analyticalplatform.api.security.RememberedSignIn;
import uk.gov.analyticalplatform.api.security.StoredSignIns;
import uk.gov.analyticalplatform.testing.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gate's session cache against Spring Session's in-memory store: a sign-in is reused
 * for the time-to-live and no longer (the revocation bound), a session without one is
 * never remembered, and a fact (an app's notice shown) is remembered only once it holds
 * and is tested again with the next read of the sign-in.
 */
class GateSessionsTests {

	private static final Duration TTL = Duration.ofSeconds(5);

	private static final String NOTICE = "analytical-platform.apps.notice-seen";

	private final MapSessionRepository store = new MapSessionRepository(new ConcurrentHashMap<>());

	private final MovableClock clock = new MovableClock();

	private final GateSessions sessions = new GateSessions(new DefaultCookieSerializer(), this.store, null, this.clock,
			TTL);

	private final UUID user = UUID.randomUUID();

	@Test
	void aSignedOutSessionPassesForAtMostTheTimeToLive() {
		MapSession session = signedInSession();
		assertThat(signedIn(session).signIn()).isEqualTo(new RememberedSignIn(this.user, 3, true));

		this.store.deleteById(session.getId());
		this.clock.advance(TTL.minusSeconds(1));
		assertThat(signedIn(session)).as("within the bound").isNotNull();
		this.clock.advance(Duration.ofSeconds(1));
		assertThat(signedIn(session)).as("at the bound").isNull();
		assertThat(signedIn(session)).as("and from then on").isNull();
	}

	@Test
	void aSessionWithoutASignInIsReadAgainOnItsNextRequest() {
		MapSession session = this.store.createSession();
		this.store.save(session);
		assertThat(signedIn(session)).isNull();

		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				StoredSignIns.signedIn(this.user, 3, true));
		this.store.save(session);
		assertThat(signedIn(session)).as("signed in since: not remembered as signed out").isNotNull();
	}

	@Test
	void aReadKeepsTheSessionAliveAsARequestDoes() {
		MapSession session = signedInSession();
		Instant before = this.store.findById(session.getId()).getLastAccessedTime();
		this.clock.advance(Duration.ofMinutes(10));

		signedIn(session);

		assertThat(this.store.findById(session.getId()).getLastAccessedTime()).isAfter(before);
	}

	@Test
	void aFactIsRememberedOnlyOnceItHoldsAndUntilTheSignInIsReadAgain() {
		MapSession session = signedInSession();
		GateSession gated = signedIn(session);
		assertThat(gated.holds("notice:reports", (attributes) -> attributes.apply(NOTICE) != null)).isFalse();

		session.setAttribute(NOTICE, "reports");
		this.store.save(session);
		assertThat(signedIn(session).holds("notice:reports", (attributes) -> attributes.apply(NOTICE) != null))
			.as("not remembered as false: the notice just read lets the session through")
			.isTrue();

		session.removeAttribute(NOTICE);
		this.store.save(session);
		assertThat(signedIn(session).holds("notice:reports", (attributes) -> attributes.apply(NOTICE) != null))
			.as("remembered with the sign-in: no session read")
			.isTrue();
		assertThat(signedIn(session).holds("notice:other", (attributes) -> attributes.apply(NOTICE) != null))
			.as("one fact is not another")
			.isFalse();

		this.clock.advance(TTL);
		assertThat(signedIn(session).holds("notice:reports", (attributes) -> attributes.apply(NOTICE) != null))
			.as("tested again after the sign-in is read again")
			.isFalse();
	}

	private MapSession signedInSession() {
		MapSession session = this.store.createSession();
		session.setAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY,
				StoredSignIns.signedIn(this.user, 3, true));
		this.store.save(session);
		return session;
	}

	private GateSessions.Cached signedIn(MapSession session) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/authz/tools");
		request.setCookies(new Cookie("SESSION",
				Base64.getEncoder().encodeToString(session.getId().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
		return this.sessions.signedIn(request);
	}

}

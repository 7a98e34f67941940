package uk.gov.analyticalplatform.api.security;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;

import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.identity.SessionSignIn;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The heartbeat's batched check of sessions against the real session store and users: one
 * call tells which of many sessions no longer sign their user in (gone, expired,
 * suspended, signed out everywhere, a user who is no more), and its answer is the one
 * that reading each session and its user, as the check once did and a request does,
 * gives.
 */
class SessionStandingIT extends IdentityIntegrationTest {

	private static final String CONTEXT = HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY;

	private final SessionRepository<Session> store;

	@Autowired
	SessionStanding standing;

	@Autowired
	Users identity;

	@Autowired
	@SuppressWarnings("unchecked")
	SessionStandingIT(ApplicationContext context) {
		this.store = context.getBean("sessionRepository", SessionRepository.class);
	}

	@Test
	void oneBatchTellsWhichSessionsNoLongerSignTheirUserIn() {
		UserAccount active = this.users.enrolled("standing-active").user();
		UserAccount suspended = this.users.enrolled("standing-suspended").user();
		UserAccount everywhere = this.users.enrolled("standing-everywhere").user();
		Map<String, SignedInSession> sessions = new LinkedHashMap<>();
		sessions.put("live", stored(active));
		sessions.put("also live", stored(active));
		sessions.put("idle but not yet expired", idleFor(stored(active), Duration.ofMinutes(29)));
		sessions.put("without an idle timeout", withoutIdleTimeout(stored(active)));
		sessions.put("gone", gone(stored(active)));
		sessions.put("expired", idleFor(stored(active), Duration.ofMinutes(31)));
		sessions.put("of a suspended user", stored(suspended));
		sessions.put("signed out everywhere", stored(everywhere));
		sessions.put("at another epoch", stored(active, active.sessionEpoch() + 1));
		sessions.put("of nobody", stored(UUID.randomUUID(), 0));
		this.identity.update(this.users.admin().id(), suspended.username(), new UserChange(null, true));
		this.identity.endAllSessions(everywhere.id());

		Set<String> ended = this.standing.ended(sessions.values());

		assertThat(named(sessions, ended)).containsExactlyInAnyOrder("gone", "expired", "of a suspended user",
				"signed out everywhere", "at another epoch", "of nobody");
		assertThat(ended).isEqualTo(endedReadOneByOne(sessions.values()));
	}

	@Test
	void noSessionsNeedNoAnswer() {
		assertThat(this.standing.ended(List.of())).isEmpty();
	}

	private SignedInSession stored(UserAccount user) {
		return stored(user.id(), user.sessionEpoch());
	}

	private SignedInSession stored(UserAccount user, int epoch) {
		return stored(user.id(), epoch);
	}

	private SignedInSession stored(UUID userId, int epoch) {
		Session session = this.store.createSession();
		session.setAttribute(CONTEXT, StoredSignIns.signedIn(userId, epoch, true));
		this.store.save(session);
		return new SignedInSession(session.getId(), new SessionSignIn(userId, epoch));
	}

	private SignedInSession idleFor(SignedInSession session, Duration idle) {
		assertThat(superuserQuery(
				"UPDATE spring_session SET last_access_time = ?, expiry_time = ? "
						+ "WHERE session_id = ? RETURNING session_id",
				System.currentTimeMillis() - idle.toMillis(),
				System.currentTimeMillis() - idle.toMillis() + Duration.ofMinutes(30).toMillis(), session.id()))
			.hasSize(1);
		return session;
	}

	private SignedInSession withoutIdleTimeout(SignedInSession session) {
		assertThat(superuserQuery("UPDATE spring_session SET max_inactive_interval = -1, last_access_time = 0 "
				+ "WHERE session_id = ? RETURNING session_id", session.id()))
			.hasSize(1);
		return session;
	}

	private SignedInSession gone(SignedInSession session) {
		this.store.deleteById(session.id());
		return session;
	}

	/**
	 * The sessions that reading each from the store and its user from identity, one by
	 * one, finds no longer signed in.
	 */
	private Set<String> endedReadOneByOne(Iterable<SignedInSession> sessions) {
		List<String> ended = new ArrayList<>();
		for (SignedInSession signedIn : sessions) {
			Session session = this.store.findById(signedIn.id());
			Optional<RememberedSignIn> signIn = Optional.ofNullable(session)
				.flatMap((found) -> RememberedSignIn
					.of((found.getAttribute(CONTEXT) instanceof SecurityContext context) ? context : null));
			boolean holds = signIn
				.flatMap((remembered) -> this.identity.findById(remembered.userId())
					.filter((user) -> SessionUserFilter.stillSignedIn(user, remembered.sessionEpoch())))
				.isPresent();
			if (!holds) {
				ended.add(signedIn.id());
			}
		}
		return Set.copyOf(ended);
	}

	private static Set<String> named(Map<String, SignedInSession> sessions, Set<String> ids) {
		return sessions.entrySet()
			.stream()
			.filter((session) -> ids.contains(session.getValue().id()))
			.map(Map.Entry::getKey)
			.collect(Collectors.toSet());
	}

}

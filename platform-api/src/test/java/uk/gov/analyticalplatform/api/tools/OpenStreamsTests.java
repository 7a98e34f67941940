package uk.gov.analyticalplatform.api.tools;

import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import uk.gov.analyticalplatform.api.security.SignedInSession;
import uk.gov.analyticalplatform.api.tools.OpenStreams.OpenedWith;
import uk.gov.analyticalplatform.identity.SessionSignIn;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which streams the end of a session or an API token, or a user's suspension, ends: those
 * it (or they) opened, each once.
 */
class OpenStreamsTests {

	private final OpenStreams open = new OpenStreams();

	private final SignedInSession alice = session("alice-session");

	private final SignedInSession bob = session("bob-session");

	private final UUID pipeline = UUID.randomUUID();

	private final UUID script = UUID.randomUUID();

	/** Whose tokens pipeline and script are. */
	private final UUID owner = UUID.randomUUID();

	@Test
	void theEndOfASessionEndsOnlyTheStreamsItOpened() {
		Emitter aliceFirst = add(new OpenedWith.Session(this.alice));
		Emitter aliceSecond = add(new OpenedWith.Session(this.alice));
		Emitter bobs = add(new OpenedWith.Session(this.bob));
		Emitter tokens = add(new OpenedWith.Token(this.pipeline, this.owner));

		assertThat(this.open.endSessions(Set.of(this.alice.id(), "no-such-session"))).isEqualTo(2);

		assertThat(aliceFirst.completed).isTrue();
		assertThat(aliceSecond.completed).isTrue();
		assertThat(bobs.completed).isFalse();
		assertThat(tokens.completed).isFalse();
		assertThat(this.open.emitters()).containsExactlyInAnyOrder(bobs, tokens);
		assertThat(this.open.sessions()).containsExactly(this.bob);
	}

	@Test
	void theEndOfATokenEndsOnlyTheStreamsItOpened() {
		Emitter pipelines = add(new OpenedWith.Token(this.pipeline, this.owner));
		Emitter scripts = add(new OpenedWith.Token(this.script, this.owner));
		Emitter sessions = add(new OpenedWith.Session(this.alice));

		assertThat(this.open.endTokens(Set.of(this.pipeline))).isEqualTo(1);

		assertThat(pipelines.completed).isTrue();
		assertThat(scripts.completed).isFalse();
		assertThat(sessions.completed).isFalse();
		assertThat(this.open.tokens()).containsExactly(this.script);
		assertThat(this.open.size()).isEqualTo(2);
	}

	@Test
	void aStreamEndedOnceIsNeitherEndedNorCountedAgain() {
		Emitter stream = add(new OpenedWith.Token(this.pipeline, this.owner));
		assertThat(this.open.endTokens(Set.of(this.pipeline))).isEqualTo(1);

		assertThat(this.open.endTokens(Set.of(this.pipeline))).isZero();
		assertThat(stream.completions).isEqualTo(1);
	}

	@Test
	void aSessionAndATokenAreNeverMistakenForEachOther() {
		UUID id = UUID.randomUUID();
		Emitter session = add(new OpenedWith.Session(session(id.toString())));
		Emitter token = add(new OpenedWith.Token(id, this.owner));

		assertThat(this.open.endTokens(Set.of(id))).isEqualTo(1);
		assertThat(token.completed).isTrue();
		assertThat(session.completed).isFalse();
	}

	@Test
	void aUsersSuspensionEndsTheStreamsTheyOpenedThroughSessionsAndTokensAndNoOneElses() {
		Emitter alices = add(new OpenedWith.Session(this.alice));
		Emitter bobs = add(new OpenedWith.Session(this.bob));
		Emitter alicesToken = add(new OpenedWith.Token(this.pipeline, this.alice.signIn().userId()));
		Emitter othersToken = add(new OpenedWith.Token(this.script, this.owner));

		assertThat(this.open.endUser(this.alice.signIn().userId())).isEqualTo(2);

		assertThat(alices.completed).isTrue();
		assertThat(alicesToken.completed).isTrue();
		assertThat(bobs.completed).isFalse();
		assertThat(othersToken.completed).isFalse();
		assertThat(this.open.endUser(this.alice.signIn().userId())).isZero();
	}

	private Emitter add(OpenedWith openedWith) {
		Emitter emitter = new Emitter();
		this.open.add(emitter, openedWith);
		return emitter;
	}

	private static SignedInSession session(String id) {
		return new SignedInSession(id, new SessionSignIn(UUID.randomUUID(), 0));
	}

	/** An emitter that records its completion. */
	private static final class Emitter extends SseEmitter {

		boolean completed;

		int completions;

		@Override
		public void complete() {
			this.completed = true;
			this.completions++;
			super.complete();
		}

	}

}

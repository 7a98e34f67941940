package uk.gov.analyticalplatform.api.tools;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import uk.gov.analyticalplatform.api.security.SignedInSession;

/**
 * The progress streams open on this replica, each with what it was opened with, so that
 * the end of a session or an API token, or its user's suspension, ends the streams it
 * opened. Safe for concurrent use: a stream is completed here at most once, by whichever
 * ending removes it first.
 */
final class OpenStreams {

	private final Map<SseEmitter, OpenedWith> open = new ConcurrentHashMap<>();

	void add(SseEmitter emitter, OpenedWith openedWith) {
		this.open.put(emitter, openedWith);
	}

	void remove(SseEmitter emitter) {
		this.open.remove(emitter);
	}

	int size() {
		return this.open.size();
	}

	Set<SseEmitter> emitters() {
		return Set.copyOf(this.open.keySet());
	}

	/** The sessions that opened the streams open now. */
	Set<SignedInSession> sessions() {
		return this.open.values()
			.stream()
			.filter(OpenedWith.Session.class::isInstance)
			.map((openedWith) -> ((OpenedWith.Session) openedWith).session())
			.collect(Collectors.toSet());
	}

	/** The API tokens that opened the streams open now. */
	Set<UUID> tokens() {
		return this.open.values()
			.stream()
			.filter(OpenedWith.Token.class::isInstance)
			.map((openedWith) -> ((OpenedWith.Token) openedWith).tokenId())
			.collect(Collectors.toSet());
	}

	/**
	 * Completes the streams opened through these sessions.
	 * @return how many it completed
	 */
	int endSessions(Set<String> sessionIds) {
		return end((openedWith) -> openedWith instanceof OpenedWith.Session session
				&& sessionIds.contains(session.session().id()));
	}

	/**
	 * Completes the streams opened with these API tokens.
	 * @return how many it completed
	 */
	int endTokens(Set<UUID> tokenIds) {
		return end((openedWith) -> openedWith instanceof OpenedWith.Token token && tokenIds.contains(token.tokenId()));
	}

	/**
	 * Completes every stream the user opened, through a session or with an API token.
	 * @return how many it completed
	 */
	int endUser(UUID userId) {
		return end((openedWith) -> userId.equals(openedWith.userId()));
	}

	private int end(Predicate<OpenedWith> which) {
		int ended = 0;
		for (Map.Entry<SseEmitter, OpenedWith> stream : this.open.entrySet()) {
			if (which.test(stream.getValue()) && this.open.remove(stream.getKey()) != null) {
				stream.getKey().complete();
				ended++;
			}
		}
		return ended;
	}

	/** What a stream was opened with: a session or an API token. */
	sealed interface OpenedWith {

		/** Who opened the stream. */
		UUID userId();

		record Session(SignedInSession session) implements OpenedWith {

			@Override
			public UUID userId() {
				return this.session.signIn().userId();
			}

		}

		record Token(UUID tokenId, UUID userId) implements OpenedWith {

		}

	}

}

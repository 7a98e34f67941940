package uk.gov.analyticalplatform.api.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntSupplier;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.context.event.EventListener;
import org.springframework.session.events.SessionDeletedEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import uk.gov.analyticalplatform.api.security.PlatformAuthentication;
import uk.gov.analyticalplatform.api.security.SessionStanding;
import uk.gov.analyticalplatform.api.security.SignedInSession;
import uk.gov.analyticalplatform.api.tools.OpenStreams.OpenedWith;
import uk.gov.analyticalplatform.identity.ApiTokenRevoked;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.UserSuspended;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceChanges;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * The progress streams open on this replica ({@code GET /api/v1/me/tools/{id}/events}):
 * each follows its instance through the tool launcher's {@link ToolInstanceChanges},
 * which pushes every status change from the database as it commits, on whichever replica;
 * so a stream costs no query until something changes. An event named {@code status}
 * carries the instance as the API shows it, each time its status or its data access
 * notice ({@code dataAccessChanged}) differs from the last sent; the stream completes
 * once the instance is READY, FAILED, STOPPED or IDLED (or, opened to follow a running
 * tool, once it is FAILED, STOPPED or IDLED: READY is then followed too), and with an
 * event named {@code deleted} once it is gone. A comment every heartbeat
 * ({@link ProgressStreamProperties}) keeps proxies (ingress-nginx closes a silent
 * response after 60 s) from cutting a quiet stream.
 * <p>
 * A stream ends with the session or API token that opened it (if not before): at once
 * when the session ends on this replica (signed out, or ended by a request) or the token
 * is revoked on this replica; otherwise at the next heartbeat, which checks, in one batch
 * for all the streams, that each session streamed to still signs its user in (expired,
 * signed out on another replica, suspended, signed out everywhere) and that each token
 * still authenticates (revoked on another replica, expired, its owner suspended). So no
 * stream has a timeout of its own. A session's could not: a timeout would have a
 * browser's EventSource open another, and each opening is a request that keeps the
 * session alive, so a page left open would never let its session idle out. A token's
 * needs none: it was there so that a revoked token's stream would end (a revoked token
 * opens no other), which the revocation and the heartbeat's check now do within a
 * heartbeat, and a client gone away is found by the heartbeat's failing write.
 */
@Component
class ToolProgressStreams implements MeterBinder, DisposableBean {

	static final String METRIC = "platform.tool.progress.streams";

	/** No timeout (the servlet container's meaning of a negative one). */
	private static final long NO_TIMEOUT = -1;

	private static final Logger log = LoggerFactory.getLogger(ToolProgressStreams.class);

	private final ToolInstanceChanges changes;

	private final OpenStreams open = new OpenStreams();

	private final SessionStanding sessions;

	private final ApiTokens tokens;

	private final Duration heartbeat;

	private final AtomicLong opened = new AtomicLong();

	private final Map<CutOff, AtomicLong> cutOff = new EnumMap<>(CutOff.class);

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tool-progress-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ToolProgressStreams(ToolInstanceChanges changes, SessionStanding sessions, ApiTokens tokens,
			ProgressStreamProperties properties) {
		this.changes = changes;
		this.sessions = sessions;
		this.tokens = tokens;
		this.heartbeat = properties.heartbeat();
		for (CutOff by : CutOff.values()) {
			this.cutOff.put(by, new AtomicLong());
		}
		this.heartbeats.scheduleWithFixedDelay(this::beat, this.heartbeat.toMillis(), this.heartbeat.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of the caller's instance.
	 * @throws uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound before the
	 * stream opens, if the instance is not theirs
	 */
	SseEmitter open(ToolUser caller, UUID id, boolean whileRunning, HttpServletRequest request) {
		OpenedWith openedWith = openedWith(request);
		SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
		Stream stream = new Stream(emitter, whileRunning);
		ToolInstanceChanges.Watch watch = this.changes.follow(caller, id, stream);
		this.open.add(emitter, openedWith);
		this.opened.incrementAndGet();
		Runnable closed = () -> {
			watch.close();
			this.open.remove(emitter);
		};
		emitter.onCompletion(closed);
		emitter.onTimeout(closed);
		emitter.onError((ex) -> closed.run());
		return emitter;
	}

	private OpenedWith openedWith(HttpServletRequest request) {
		Optional<SignedInSession> session = this.sessions.sessionOf(request);
		if (session.isPresent()) {
			return new OpenedWith.Session(session.get());
		}
		PlatformAuthentication token = PlatformAuthentication.current()
			.filter((authentication) -> authentication.tokenId().isPresent())
			.orElseThrow(() -> new IllegalStateException("Neither a session nor an API token opened the stream"));
		return new OpenedWith.Token(token.tokenId().get(), token.user().id());
	}

	/** Ends the streams opened through a session that ended on this replica. */
	@EventListener
	void sessionEnded(SessionDeletedEvent ended) {
		count(CutOff.SESSION_END, this.open.endSessions(Set.of(ended.getSessionId())));
	}

	/** Ends the streams opened with a token revoked on this replica. */
	@EventListener
	void tokenRevoked(ApiTokenRevoked revoked) {
		count(CutOff.TOKEN_REVOCATION, this.open.endTokens(Set.of(revoked.tokenId())));
	}

	/**
	 * Ends every stream of a user suspended on this replica, session and token alike:
	 * suspension deletes the sessions this replica's store holds, but not the tokens.
	 */
	@EventListener
	void userSuspended(UserSuspended suspended) {
		count(CutOff.SUSPENSION, this.open.endUser(suspended.userId()));
	}

	private void beat() {
		for (SseEmitter emitter : this.open.emitters()) {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
				this.open.remove(emitter);
			}
		}
		check("sessions", () -> this.open.endSessions(this.sessions.ended(this.open.sessions())));
		check("API tokens", () -> this.open.endTokens(this.tokens.notInGoodStanding(this.open.tokens())));
	}

	private void check(String what, IntSupplier ending) {
		try {
			count(CutOff.STANDING_CHECK, ending.getAsInt());
		}
		catch (RuntimeException ex) {
			log.warn("Could not check whether the streams of {} should end, checked again in {}: {}", what,
					this.heartbeat, Reasons.of(ex));
		}
	}

	private void count(CutOff by, int streams) {
		this.cutOff.get(by).addAndGet(streams);
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METRIC, this.open, OpenStreams::size)
			.description("Tool progress streams open on this replica")
			.register(registry);
		FunctionCounter.builder(METRIC + ".opened", this.opened, AtomicLong::get)
			.description("Tool progress streams opened on this replica")
			.register(registry);
		this.cutOff.forEach((by, count) -> FunctionCounter.builder(METRIC + ".cut.off", count, AtomicLong::get)
			.description("Tool progress streams ended on this replica because the session or API token that "
					+ "opened them no longer signs in, by what found it out")
			.tag("by", by.tag)
			.register(registry));
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.open.emitters().forEach(SseEmitter::complete);
	}

	private static boolean finished(String state, boolean whileRunning) {
		return switch (state) {
			case "FAILED", "STOPPED", "IDLED" -> true;
			case "READY" -> !whileRunning;
			default -> false;
		};
	}

	/** What found out that a stream's session or token no longer signs in. */
	enum CutOff {

		/** The session's deletion on this replica. */
		SESSION_END("session-end"),

		/** The token's revocation on this replica. */
		TOKEN_REVOCATION("token-revocation"),

		/** The user's suspension on this replica. */
		SUSPENSION("suspension"),

		/** The heartbeat's check of every stream's session or token. */
		STANDING_CHECK("standing-check");

		final String tag;

		CutOff(String tag) {
			this.tag = tag;
		}

	}

	/** What a page shows of an instance: a change of either is sent. */
	private record Shown(InstanceView.Status status, boolean dataAccessChanged) {

	}

	/** One stream: sends each new status, and completes when the start is over. */
	private static final class Stream implements ToolInstanceChanges.Watcher {

		private final SseEmitter emitter;

		private final boolean whileRunning;

		private final AtomicReference<Shown> last = new AtomicReference<>();

		Stream(SseEmitter emitter, boolean whileRunning) {
			this.emitter = emitter;
			this.whileRunning = whileRunning;
		}

		@Override
		public void changed(ToolInstance instance) {
			InstanceView now = InstanceView.of(instance);
			Shown shown = new Shown(now.status(), now.dataAccessChanged());
			if (shown.equals(this.last.getAndSet(shown))) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event().name("status").data(now));
				if (finished(now.status().state(), this.whileRunning)) {
					this.emitter.complete();
				}
			}
			catch (IOException | IllegalStateException ex) {
				this.emitter.completeWithError(ex);
			}
		}

		@Override
		public void gone() {
			try {
				this.emitter.send(SseEmitter.event().name("deleted").data("{}"));
				this.emitter.complete();
			}
			catch (IOException | IllegalStateException ex) {
				this.emitter.completeWithError(ex);
			}
		}

	}

}

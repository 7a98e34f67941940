package uk.gov.analyticalplatform.api.tools;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

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

import uk.gov.analyticalplatform.api.security.SessionStanding;
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
 * event named {@code deleted} once it is gone. A comment every {@link #HEARTBEAT} keeps
 * proxies (ingress-nginx closes a silent response after 60 s) from cutting a quiet
 * stream. A stream opened through a session ends with it (if not before): at once when
 * the session ends on this replica (signed out, or ended by a request), otherwise at the
 * next heartbeat, which checks that each session streamed to still signs its user in
 * (expired, signed out on another replica, suspended, signed out everywhere). It has no
 * timeout of its own: a timeout would have a browser's EventSource open another, and each
 * opening is a request that keeps the session alive, so a page left open would never let
 * its session idle out. A stream opened with an API token completes after
 * {@link #TIMEOUT} (a client opens another; a revoked token opens none).
 */
@Component
class ToolProgressStreams implements MeterBinder, DisposableBean {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	static final Duration TIMEOUT = Duration.ofMinutes(15);

	/** No timeout (the servlet container's meaning of a negative one). */
	private static final long UNTIL_ITS_SESSION_ENDS = -1;

	static final String METRIC = "platform.tool.progress.streams";

	private static final Logger log = LoggerFactory.getLogger(ToolProgressStreams.class);

	private final ToolInstanceChanges changes;

	/**
	 * The streams open here, each with the session it was opened through ("" for none).
	 */
	private final Map<SseEmitter, String> open = new ConcurrentHashMap<>();

	private final SessionStanding sessions;

	private final AtomicLong opened = new AtomicLong();

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tool-progress-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ToolProgressStreams(ToolInstanceChanges changes, SessionStanding sessions) {
		this.changes = changes;
		this.sessions = sessions;
		this.heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of the caller's instance.
	 * @throws uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound before the
	 * stream opens, if the instance is not theirs
	 */
	SseEmitter open(ToolUser caller, UUID id, boolean whileRunning, HttpServletRequest request) {
		String session = this.sessions.sessionOf(request).orElse("");
		SseEmitter emitter = new SseEmitter(session.isEmpty() ? TIMEOUT.toMillis() : UNTIL_ITS_SESSION_ENDS);
		Stream stream = new Stream(emitter, whileRunning);
		ToolInstanceChanges.Watch watch = this.changes.follow(caller, id, stream);
		this.open.put(emitter, session);
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

	/** Ends the streams opened through a session that ended on this replica. */
	@EventListener
	void sessionEnded(SessionDeletedEvent ended) {
		end(ended.getSessionId());
	}

	private void end(String sessionId) {
		this.open.forEach((emitter, session) -> {
			if (session.equals(sessionId)) {
				this.open.remove(emitter);
				emitter.complete();
			}
		});
	}

	private void beat() {
		for (SseEmitter emitter : this.open.keySet()) {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
				this.open.remove(emitter);
			}
		}
		Set.copyOf(this.open.values()).stream().filter((session) -> !session.isEmpty()).forEach((session) -> {
			try {
				if (!this.sessions.holds(session)) {
					end(session);
				}
			}
			catch (RuntimeException ex) {
				log.warn("Could not check whether session streams should end, checked again in {}: {}", HEARTBEAT,
						Reasons.of(ex));
			}
		});
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METRIC, this.open, Map::size)
			.description("Tool progress streams open on this replica")
			.register(registry);
		FunctionCounter.builder(METRIC + ".opened", this.opened, AtomicLong::get)
			.description("Tool progress streams opened on this replica")
			.register(registry);
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.open.keySet().forEach(SseEmitter::complete);
	}

	private static boolean finished(String state, boolean whileRunning) {
		return switch (state) {
			case "FAILED", "STOPPED", "IDLED" -> true;
			case "READY" -> !whileRunning;
			default -> false;
		};
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

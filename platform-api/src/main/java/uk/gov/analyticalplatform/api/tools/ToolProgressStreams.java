package uk.gov.analyticalplatform.api.tools;

import java.io.IOException;
import java.time.Duration;
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

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstanceChanges;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

/**
 * The progress streams open on this replica ({@code GET /api/v1/me/tools/{id}/events}):
 * each follows its instance through the tool launcher's {@link ToolInstanceChanges},
 * which pushes every status change from the database as it commits, on whichever replica;
 * so a stream costs no query until something changes. An event named {@code status}
 * carries the instance as the API shows it, each time its status differs from the last
 * sent; the stream completes once the instance is READY, FAILED, STOPPED or IDLED, and
 * with an event named {@code deleted} once it is gone. A comment every {@link #HEARTBEAT}
 * keeps proxies (ingress-nginx closes a silent response after 60 s) from cutting a quiet
 * stream; after {@link #TIMEOUT} the stream completes and a browser's EventSource opens
 * another.
 */
@Component
class ToolProgressStreams implements MeterBinder, DisposableBean {

	static final Duration HEARTBEAT = Duration.ofSeconds(15);

	static final Duration TIMEOUT = Duration.ofMinutes(15);

	static final String METRIC = "platform.tool.progress.streams";

	private final ToolInstanceChanges changes;

	private final Set<SseEmitter> open = ConcurrentHashMap.newKeySet();

	private final AtomicLong opened = new AtomicLong();

	private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor((task) -> {
		Thread thread = new Thread(task, "tool-progress-heartbeat");
		thread.setDaemon(true);
		return thread;
	});

	ToolProgressStreams(ToolInstanceChanges changes) {
		this.changes = changes;
		this.heartbeats.scheduleWithFixedDelay(this::beat, HEARTBEAT.toMillis(), HEARTBEAT.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	/**
	 * Opens a stream of the caller's instance.
	 * @throws uk.gov.analyticalplatform.toollauncher.ToolInstanceNotFound before the
	 * stream opens, if the instance is not theirs
	 */
	SseEmitter open(ToolUser caller, UUID id) {
		SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
		Stream stream = new Stream(emitter);
		ToolInstanceChanges.Watch watch = this.changes.follow(caller, id, stream);
		this.open.add(emitter);
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

	private void beat() {
		for (SseEmitter emitter : this.open) {
			try {
				emitter.send(SseEmitter.event().comment("heartbeat"));
			}
			catch (IOException | IllegalStateException ex) {
				emitter.completeWithError(ex);
				this.open.remove(emitter);
			}
		}
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(METRIC, this.open, Set::size)
			.description("Tool progress streams open on this replica")
			.register(registry);
		FunctionCounter.builder(METRIC + ".opened", this.opened, AtomicLong::get)
			.description("Tool progress streams opened on this replica")
			.register(registry);
	}

	@Override
	public void destroy() {
		this.heartbeats.shutdownNow();
		this.open.forEach(SseEmitter::complete);
	}

	private static boolean finished(String state) {
		return switch (state) {
			case "READY", "FAILED", "STOPPED", "IDLED" -> true;
			default -> false;
		};
	}

	/** One stream: sends each new status, and completes when the start is over. */
	private static final class Stream implements ToolInstanceChanges.Watcher {

		private final SseEmitter emitter;

		private final AtomicReference<InstanceView.Status> last = new AtomicReference<>();

		Stream(SseEmitter emitter) {
			this.emitter = emitter;
		}

		@Override
		public void changed(ToolInstance instance) {
			InstanceView now = InstanceView.of(instance);
			if (now.status().equals(this.last.getAndSet(now.status()))) {
				return;
			}
			try {
				this.emitter.send(SseEmitter.event().name("status").data(now));
				if (finished(now.status().state())) {
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

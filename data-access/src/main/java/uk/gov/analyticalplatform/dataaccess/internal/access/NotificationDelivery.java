package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.context.SmartLifecycle;
import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessNotification.Kind;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.dataaccess.AccessNotifications;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.access.NotificationOutbox.Queued;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.dataaccess.internal.status.Backoff;
import uk.gov.analyticalplatform.dataaccess.internal.status.WorkerThread;

/**
 * Sends the notification outbox on a thread of its own, on every replica: after each
 * commit that queued a notification here, and every poll interval for those queued
 * elsewhere or due for another attempt. Each notification is claimed, sent and recorded
 * in one transaction that holds its row, so replicas never send the same one at once. A
 * failure ends the run (the mail server is probably down) and is retried with backoff
 * until the maximum number of attempts. A new request that was decided before anyone
 * could be told of it is skipped: there is nothing left to decide.
 */
public class NotificationDelivery implements AccessNotifications, SmartLifecycle {

	private static final Log logger = LogFactory.getLog(NotificationDelivery.class);

	private static final int MOST_PER_RUN = 100;

	private final NotificationOutbox outbox;

	private final AccessRequestRows requests;

	private final DatasetRows datasets;

	private final AccessNotificationSender sender;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Settings settings;

	private final AtomicBoolean runQueued = new AtomicBoolean();

	private final WorkerThread thread = new WorkerThread("dataaccess-notifications");

	public NotificationDelivery(NotificationOutbox outbox, AccessRequestService requests, DatasetRows datasets,
			AccessNotificationSender sender, TransactionOperations transactions, Clock clock, Settings settings) {
		this.outbox = outbox;
		this.requests = requests.rows();
		this.datasets = datasets;
		this.sender = sender;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		outbox.onQueued(this::wake);
	}

	/**
	 * How patiently notifications are sent.
	 *
	 * @param pollInterval how often to look for due notifications besides being woken
	 * @param maxAttempts attempts before a notification is given up
	 * @param baseBackoff the wait after a first failure, doubled after each further one
	 * @param maxBackoff the longest wait between attempts
	 */
	public record Settings(Duration pollInterval, int maxAttempts, Duration baseBackoff, Duration maxBackoff) {

	}

	@Override
	public int deliverDue() {
		int sent = 0;
		for (int run = 0; run < MOST_PER_RUN; run++) {
			Outcome outcome = this.transactions.execute((tx) -> deliverNext());
			if (outcome == Outcome.NONE_DUE || outcome == Outcome.FAILED) {
				break;
			}
			sent += (outcome == Outcome.SENT) ? 1 : 0;
		}
		return sent;
	}

	private Outcome deliverNext() {
		Instant now = this.clock.instant();
		Optional<Queued> due = this.outbox.claimDue(now);
		if (due.isEmpty()) {
			return Outcome.NONE_DUE;
		}
		Queued queued = due.get();
		AccessRequest request = this.requests.get(queued.requestId());
		if (queued.kind() == Kind.REQUEST_CREATED && request.state() != AccessRequestState.PENDING) {
			this.outbox.skipped(queued.id(), "the request was " + request.state().name().toLowerCase(Locale.ROOT)
					+ " before anyone was told of it", now);
			return Outcome.SKIPPED;
		}
		try {
			this.sender.send(notification(queued, request));
		}
		catch (RuntimeException ex) {
			failed(queued, ex, now);
			return Outcome.FAILED;
		}
		this.outbox.sent(queued.id(), this.clock.instant());
		return Outcome.SENT;
	}

	private AccessNotification notification(Queued queued, AccessRequest request) {
		int attempt = queued.attempts() + 1;
		if (queued.kind() == Kind.REQUEST_DECIDED) {
			return new AccessNotification(queued.id(), queued.kind(), request, List.of(request.requester()), false,
					attempt);
		}
		List<UserRef> deciders = this.datasets.managers(request.dataset().id())
			.stream()
			.filter((manager) -> !manager.userId().equals(request.requester().userId()))
			.toList();
		return new AccessNotification(queued.id(), queued.kind(), request, deciders, deciders.isEmpty(), attempt);
	}

	private void failed(Queued queued, RuntimeException ex, Instant now) {
		int attempt = queued.attempts() + 1;
		String reason = describe(ex);
		String what = "notification " + queued.id() + " (" + queued.kind() + " of access request " + queued.requestId()
				+ ")";
		if (attempt >= this.settings.maxAttempts()) {
			logger.error("Gave up sending " + what + " after " + attempt + " attempts: " + reason);
			this.outbox.gaveUp(queued.id(), reason, now);
			return;
		}
		Instant next = now
			.plus(Backoff.delay(queued.attempts(), this.settings.baseBackoff(), this.settings.maxBackoff()));
		logger.warn("Could not send " + what + ", attempt " + attempt + " of " + this.settings.maxAttempts()
				+ "; trying again at " + next + ": " + reason);
		this.outbox.retryAt(queued.id(), reason, next);
	}

	private static String describe(RuntimeException ex) {
		String message = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (message.length() > 2000) ? message.substring(0, 2000) : message;
	}

	private void wake() {
		ScheduledExecutorService running = this.thread.running();
		if (running != null && this.runQueued.compareAndSet(false, true)) {
			running.execute(this::runSafely);
		}
	}

	private void runSafely() {
		this.runQueued.set(false);
		try {
			deliverDue();
		}
		catch (RuntimeException ex) {
			logger.error("Sending access request notifications failed", ex);
		}
	}

	@Override
	public void start() {
		long poll = this.settings.pollInterval().toMillis();
		this.thread.start().scheduleWithFixedDelay(this::runSafely, 0, poll, TimeUnit.MILLISECONDS);
	}

	@Override
	public void stop() {
		this.thread.stop();
	}

	@Override
	public boolean isRunning() {
		return this.thread.isRunning();
	}

	private enum Outcome {

		NONE_DUE, SENT, SKIPPED, FAILED

	}

}

package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.transaction.support.TransactionOperations;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AccessNotification.Kind;
import uk.gov.analyticalplatform.dataaccess.AccessNotificationSender;
import uk.gov.analyticalplatform.dataaccess.AccessNotifications;
import uk.gov.analyticalplatform.dataaccess.AccessRequest;
import uk.gov.analyticalplatform.dataaccess.AccessRequestState;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.dataaccess.internal.access.NotificationOutbox.OwnerAdded;
import uk.gov.analyticalplatform.dataaccess.internal.access.NotificationOutbox.Queued;
import uk.gov.analyticalplatform.dataaccess.internal.catalog.DatasetRows;
import uk.gov.analyticalplatform.reconcile.Backoff;
import uk.gov.analyticalplatform.reconcile.Leadership;
import uk.gov.analyticalplatform.reconcile.Outcome;
import uk.gov.analyticalplatform.reconcile.Reasons;
import uk.gov.analyticalplatform.reconcile.ReconcileLoop;
import uk.gov.analyticalplatform.reconcile.Reconciler;

/**
 * Sends the notification outbox, as a reconciler of the kernel keyed by notification, on
 * a loop of its own on every replica (no leadership needed): after each commit that
 * queued a notification here, and every poll interval for those queued elsewhere or due
 * for another attempt. Each notification is claimed, sent and recorded in one transaction
 * that holds its row, so replicas never send the same one at once; sending is
 * {@link Outcome#CREATED}, skipping or finding it taken {@link Outcome#NOOP}. A failure
 * ends the pass (the mail server is probably down) and is retried with backoff until the
 * maximum number of attempts. A new request that was decided before anyone could be told
 * of it is skipped: there is nothing left to decide; so is a new owner of an app whose
 * grant ended before anyone could be told: there is nothing left to review.
 */
public class NotificationDelivery implements AccessNotifications, Reconciler<UUID> {

	private static final Log logger = LogFactory.getLog(NotificationDelivery.class);

	private static final int MOST_PER_RUN = 100;

	private final NotificationOutbox outbox;

	private final AccessRequestRows requests;

	private final GrantService grants;

	private final DatasetRows datasets;

	private final AccessNotificationSender sender;

	private final TransactionOperations transactions;

	private final Clock clock;

	private final Settings settings;

	private final ReconcileLoop<UUID> loop;

	public NotificationDelivery(NotificationOutbox outbox, AccessRequestService requests, GrantService grants,
			DatasetRows datasets, AccessNotificationSender sender, TransactionOperations transactions, Clock clock,
			Settings settings) {
		this.outbox = outbox;
		this.requests = requests.rows();
		this.grants = grants;
		this.datasets = datasets;
		this.sender = sender;
		this.transactions = transactions;
		this.clock = clock;
		this.settings = settings;
		this.loop = new ReconcileLoop<>("dataaccess-notifications", this, Leadership.everyReplica(),
				ReconcileLoop.Settings.polling(settings.pollInterval()));
		outbox.onQueued(this.loop::changed);
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

	/** The loop that delivers, to start and stop with the application. */
	public ReconcileLoop<UUID> loop() {
		return this.loop;
	}

	@Override
	public int deliverDue() {
		return this.loop.drain().count(Outcome.CREATED);
	}

	@Override
	public List<UUID> due(int limit) {
		return this.outbox.due(this.clock.instant(), limit);
	}

	@Override
	public List<UUID> all() {
		return due(MOST_PER_RUN);
	}

	@Override
	public Outcome reconcile(UUID id) {
		Attempt attempt = this.transactions.execute((tx) -> deliver(id));
		if (attempt.failure() != null) {
			throw attempt.failure();
		}
		return attempt.outcome();
	}

	/** A failure to send means the mail server is probably down: the rest can wait. */
	@Override
	public boolean endsPass(RuntimeException failure) {
		return true;
	}

	private Attempt deliver(UUID id) {
		Instant now = this.clock.instant();
		Optional<Queued> claimed = this.outbox.claim(id, now);
		if (claimed.isEmpty()) {
			return new Attempt(Outcome.NOOP, null);
		}
		Queued queued = claimed.get();
		AccessNotification notification = (queued.ownerAdded() != null) ? ownerAdded(queued) : notification(queued);
		String skip = nothingToTell(notification);
		if (skip != null) {
			this.outbox.skipped(queued.id(), skip, now);
			return new Attempt(Outcome.NOOP, null);
		}
		try {
			this.sender.send(notification);
		}
		catch (RuntimeException ex) {
			failed(queued, ex, now);
			return new Attempt(null, ex);
		}
		this.outbox.sent(queued.id(), this.clock.instant());
		return new Attempt(Outcome.CREATED, null);
	}

	/**
	 * Why the notification is no longer worth sending, or {@code null}: a new request was
	 * decided, or an app's grant ended, before anyone was told of it.
	 */
	private static String nothingToTell(AccessNotification notification) {
		if (notification.kind() == Kind.REQUEST_CREATED
				&& notification.request().state() != AccessRequestState.PENDING) {
			return "the request was " + notification.request().state().name().toLowerCase(Locale.ROOT)
					+ " before anyone was told of it";
		}
		if (notification.kind() == Kind.APP_OWNER_ADDED && !notification.grant().active()) {
			return "the app's grant ended before anyone was told of its new owner";
		}
		return null;
	}

	private AccessNotification ownerAdded(Queued queued) {
		OwnerAdded told = queued.ownerAdded();
		return AccessNotification.appOwnerAdded(queued.id(), this.grants.get(told.grantId()), told.added(),
				told.dataAdmin(), queued.attempts() + 1);
	}

	private AccessNotification notification(Queued queued) {
		AccessRequest request = this.requests.get(queued.requestId());
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
		String reason = Reasons.of(ex);
		String what = "notification " + queued.id() + " (" + queued.kind() + " of " + queued.about() + ")";
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

	/** How one attempt went: an outcome, or the failure to throw once it is recorded. */
	private record Attempt(Outcome outcome, RuntimeException failure) {

	}

}

package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.reconcile.AfterCommit;

/**
 * The {@code access_notifications} outbox. A notification is queued in the transaction of
 * the change it tells of, so it exists exactly when that change committed; once it
 * commits, delivery is woken. Nothing is queued while the application has no way to send
 * notifications.
 */
public class NotificationOutbox {

	private final JdbcClient jdbc;

	private final boolean enabled;

	private final Clock clock;

	private volatile Runnable wake = () -> {
	};

	public NotificationOutbox(JdbcClient jdbc, boolean enabled, Clock clock) {
		this.jdbc = jdbc;
		this.enabled = enabled;
		this.clock = clock;
	}

	/** Queues a notification about the request in the caller's transaction. */
	void queue(UUID requestId, AccessNotification.Kind kind) {
		if (!this.enabled) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO access_notifications (id, request_id, kind, next_attempt_at, created_at)
				VALUES (:id, :request, :kind, :now, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("request", requestId)
			.param("kind", kind.name())
			.param("now", now)
			.update();
		AfterCommit.run(() -> this.wake.run());
	}

	/** What runs once a transaction that queued a notification commits. */
	void onQueued(Runnable wake) {
		this.wake = wake;
	}

	/** The pending notifications due longest ago, at most {@code limit}. */
	List<UUID> due(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT id FROM access_notifications WHERE state = 'PENDING' AND next_attempt_at <= :now
				 ORDER BY next_attempt_at, id LIMIT :limit
				""").param("now", Timestamp.from(now)).param("limit", limit).query(UUID.class).list();
	}

	/**
	 * The notification, if it is still pending and due and no other transaction holds it,
	 * locked until this transaction ends.
	 */
	Optional<Queued> claim(UUID id, Instant now) {
		return this.jdbc.sql("""
				SELECT id, request_id, kind, attempts FROM access_notifications
				 WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now FOR UPDATE SKIP LOCKED
				""")
			.param("id", id)
			.param("now", Timestamp.from(now))
			.query((row, n) -> new Queued(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class),
					AccessNotification.Kind.valueOf(row.getString("kind")), row.getInt("attempts")))
			.optional();
	}

	void sent(UUID id, Instant at) {
		finish(id, "SENT", 1, null, at);
	}

	void skipped(UUID id, String reason, Instant at) {
		finish(id, "SKIPPED", 0, reason, at);
	}

	void gaveUp(UUID id, String reason, Instant at) {
		finish(id, "FAILED", 1, reason, at);
	}

	/** Records a failed attempt; the notification is due again at {@code next}. */
	void retryAt(UUID id, String reason, Instant next) {
		this.jdbc.sql("""
				UPDATE access_notifications SET attempts = attempts + 1, reason = :reason, next_attempt_at = :next
				 WHERE id = :id AND state = 'PENDING'
				""").param("id", id).param("reason", reason).param("next", Timestamp.from(next)).update();
	}

	private void finish(UUID id, String state, int attempted, String reason, Instant at) {
		this.jdbc.sql("""
				UPDATE access_notifications SET state = :state, attempts = attempts + :attempted, reason = :reason,
				  finished_at = :at WHERE id = :id AND state = 'PENDING'
				""")
			.param("id", id)
			.param("state", state)
			.param("attempted", attempted)
			.param("reason", reason)
			.param("at", Timestamp.from(at))
			.update();
	}

	/**
	 * A notification waiting to be sent.
	 *
	 * @param id its id
	 * @param requestId the request it tells of
	 * @param kind what happened
	 * @param attempts how many attempts failed so far
	 */
	record Queued(UUID id, UUID requestId, AccessNotification.Kind kind, int attempts) {

	}

}

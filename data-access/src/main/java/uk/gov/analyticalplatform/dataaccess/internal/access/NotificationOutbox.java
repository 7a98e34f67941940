package uk.gov.analyticalplatform.dataaccess.internal.access;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.dataaccess.AccessNotification;
import uk.gov.analyticalplatform.dataaccess.AppOwnerAdded;
import uk.gov.analyticalplatform.dataaccess.UserRef;
import uk.gov.analyticalplatform.reconcile.AfterCommit;

/**
 * The {@code access_notifications} outbox, of access requests and of new owners of apps
 * that hold grants. A notification is queued in the transaction of the change it tells
 * of, so it exists exactly when that change committed; once it commits, delivery is
 * woken. Nothing is queued while the application has no way to send notifications.
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

	/**
	 * Queues a notification to one data admin that the app holding the grant has a new
	 * owner, in the caller's transaction.
	 */
	void queueOwnerAdded(UUID grantId, AppOwnerAdded added, UserRef dataAdmin) {
		if (!this.enabled) {
			return;
		}
		Timestamp now = Timestamp.from(this.clock.instant());
		this.jdbc.sql("""
				INSERT INTO access_notifications (id, kind, grant_id, app_name, owner_id, owner_username, added_by_id,
				  added_by_username, added_at, recipient_id, recipient_username, next_attempt_at, created_at)
				VALUES (:id, 'APP_OWNER_ADDED', :grant, :app, :owner, :ownerName, :by, :byName, :at, :recipient,
				  :recipientName, :now, :now)
				""")
			.param("id", UUID.randomUUID())
			.param("grant", grantId)
			.param("app", added.app())
			.param("owner", added.owner().userId())
			.param("ownerName", added.owner().username())
			.param("by", added.addedBy().userId())
			.param("byName", added.addedBy().username())
			.param("at", Timestamp.from(added.addedAt()))
			.param("recipient", dataAdmin.userId())
			.param("recipientName", dataAdmin.username())
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
				SELECT id, request_id, kind, attempts, grant_id, app_name, owner_id, owner_username, added_by_id,
				  added_by_username, added_at, recipient_id, recipient_username FROM access_notifications
				 WHERE id = :id AND state = 'PENDING' AND next_attempt_at <= :now FOR UPDATE SKIP LOCKED
				""").param("id", id).param("now", Timestamp.from(now)).query(NotificationOutbox::queued).optional();
	}

	private static Queued queued(ResultSet row, int n) throws SQLException {
		UUID grantId = row.getObject("grant_id", UUID.class);
		OwnerAdded ownerAdded = (grantId != null) ? new OwnerAdded(grantId,
				new AppOwnerAdded(row.getString("app_name"),
						new UserRef(row.getString("owner_id"), row.getString("owner_username")),
						new UserRef(row.getString("added_by_id"), row.getString("added_by_username")),
						row.getTimestamp("added_at").toInstant()),
				new UserRef(row.getString("recipient_id"), row.getString("recipient_username"))) : null;
		return new Queued(row.getObject("id", UUID.class), row.getObject("request_id", UUID.class),
				AccessNotification.Kind.valueOf(row.getString("kind")), row.getInt("attempts"), ownerAdded);
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
	 * @param requestId the request it tells of, or {@code null} for an added app owner
	 * @param kind what happened
	 * @param attempts how many attempts failed so far
	 * @param ownerAdded the added app owner it tells of, or {@code null} for a request
	 */
	record Queued(UUID id, UUID requestId, AccessNotification.Kind kind, int attempts, OwnerAdded ownerAdded) {

		/** What it tells of, for logs. */
		String about() {
			return (this.requestId != null) ? "access request " + this.requestId : "a new owner of app "
					+ this.ownerAdded.added().app() + " holding grant " + this.ownerAdded.grantId();
		}

	}

	/**
	 * A new owner of an app, told to one data admin of a dataset the app holds a grant
	 * on.
	 *
	 * @param grantId the app's grant
	 * @param added who was added, by whom, when
	 * @param dataAdmin who to tell
	 */
	record OwnerAdded(UUID grantId, AppOwnerAdded added, UserRef dataAdmin) {

	}

}

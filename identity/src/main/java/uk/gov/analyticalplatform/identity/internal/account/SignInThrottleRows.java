package uk.gov.analyticalplatform.identity.internal.account;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code sign_in_throttles} table: recent wrong passwords per account and address.
 */
class SignInThrottleRows {

	private final JdbcClient jdbc;

	SignInThrottleRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Queues this transaction behind any other sign-in for the same account, on any
	 * replica, until it commits: the count of wrong passwords stays exact under parallel
	 * attempts.
	 */
	void lockAccount(String accountHash) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))")
			.param("sign-in:" + accountHash)
			.query(Object.class)
			.single();
	}

	/** The latest end of a block still running for either subject, if any. */
	Optional<Instant> blockedUntil(String accountHash, String addressHash, Instant now) {
		return this.jdbc
			.sql("""
					SELECT max(blocked_until) FROM sign_in_throttles
					WHERE ((subject_kind = 'account' AND subject_hash = ?) OR (subject_kind = 'address' AND subject_hash = ?))
					AND blocked_until > ?
					""")
			.params(accountHash, addressHash, utc(now))
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
				.map(OffsetDateTime::toInstant))
			.single();
	}

	/**
	 * Counts one more wrong password for a subject; the count starts again when the
	 * subject has been quiet (no failure and no block) since the window began.
	 * @return the wrong passwords counted now
	 */
	int addFailure(String kind, String hash, Instant now, Instant windowStart) {
		return this.jdbc.sql("""
				INSERT INTO sign_in_throttles AS t (subject_kind, subject_hash, failures, last_failure_at)
				VALUES (?, ?, 1, ?)
				ON CONFLICT (subject_kind, subject_hash) DO UPDATE SET
				  failures = CASE WHEN greatest(t.last_failure_at, t.blocked_until) < ? THEN 1 ELSE t.failures + 1 END,
				  last_failure_at = excluded.last_failure_at,
				  blocked_until = NULL
				RETURNING failures
				""").params(kind, hash, utc(now), utc(windowStart)).query(Integer.class).single();
	}

	void block(String kind, String hash, Instant until) {
		this.jdbc.sql("UPDATE sign_in_throttles SET blocked_until = ? WHERE subject_kind = ? AND subject_hash = ?")
			.params(utc(until), kind, hash)
			.update();
	}

	void forget(String kind, String hash) {
		this.jdbc.sql("DELETE FROM sign_in_throttles WHERE subject_kind = ? AND subject_hash = ?")
			.params(kind, hash)
			.update();
	}

	/** Forgets subjects whose window and block have both passed. */
	void forgetQuiet(Instant windowStart) {
		this.jdbc.sql("DELETE FROM sign_in_throttles WHERE greatest(last_failure_at, blocked_until) < ?")
			.param(utc(windowStart))
			.update();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

}

package uk.gov.analyticalplatform.identity.internal.secondfactor;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.identity.internal.secondfactor.TotpSecretCipher.Sealed;

/**
 * The {@code totp_credentials}, {@code second_factor_failures} and {@code recovery_codes}
 * tables, and the lock columns of {@code users}.
 */
class SecondFactorRecords {

	private final JdbcClient jdbc;

	SecondFactorRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void lockUser(UUID userId) {
		this.jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(UUID.class).optional();
	}

	Optional<Credential> credential(UUID userId) {
		return this.jdbc
			.sql("SELECT key_id, nonce, ciphertext, confirmed_at IS NOT NULL AS confirmed FROM totp_credentials "
					+ "WHERE user_id = ?")
			.param(userId)
			.query((rs, row) -> new Credential(
					new Sealed(rs.getString("key_id"), rs.getBytes("nonce"), rs.getBytes("ciphertext")),
					rs.getBoolean("confirmed")))
			.optional();
	}

	void insertCredential(UUID userId, Sealed sealed, Instant now) {
		this.jdbc
			.sql("INSERT INTO totp_credentials (user_id, key_id, nonce, ciphertext, created_at) VALUES (?, ?, ?, ?, ?)")
			.params(userId, sealed.keyId(), sealed.nonce(), sealed.ciphertext(), utc(now))
			.update();
	}

	void reseal(UUID userId, Sealed sealed) {
		this.jdbc.sql("UPDATE totp_credentials SET key_id = ?, nonce = ?, ciphertext = ? WHERE user_id = ?")
			.params(sealed.keyId(), sealed.nonce(), sealed.ciphertext(), userId)
			.update();
	}

	void confirm(UUID userId, long step, Instant now) {
		this.jdbc.sql("UPDATE totp_credentials SET confirmed_at = ?, last_used_step = ? WHERE user_id = ?")
			.params(utc(now), step, userId)
			.update();
	}

	/** Marks the step used, unless it or a later one was used already. */
	boolean useStep(UUID userId, long step) {
		return this.jdbc.sql("""
				UPDATE totp_credentials SET last_used_step = ?
				WHERE user_id = ? AND confirmed_at IS NOT NULL AND (last_used_step IS NULL OR last_used_step < ?)
				""").params(step, userId, step).update() == 1;
	}

	void deleteCredential(UUID userId) {
		this.jdbc.sql("DELETE FROM totp_credentials WHERE user_id = ?").param(userId).update();
	}

	Optional<Instant> lockedUntil(UUID userId) {
		return this.jdbc.sql("SELECT second_factor_locked_until FROM users WHERE id = ?")
			.param(userId)
			.query((rs, row) -> Optional.ofNullable(rs.getObject(1, OffsetDateTime.class))
				.map(OffsetDateTime::toInstant))
			.single();
	}

	void setLockedUntil(UUID userId, Instant until) {
		this.jdbc.sql("UPDATE users SET second_factor_locked_until = ? WHERE id = ?")
			.params((until != null) ? utc(until) : null, userId)
			.update();
	}

	void endSessions(UUID userId) {
		this.jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1 WHERE id = ?").param(userId).update();
	}

	int addFailure(UUID userId, Instant now, Instant windowStart) {
		this.jdbc.sql("INSERT INTO second_factor_failures (user_id, failed_at) VALUES (?, ?)")
			.params(userId, utc(now))
			.update();
		return this.jdbc.sql("SELECT count(*) FROM second_factor_failures WHERE user_id = ? AND failed_at > ?")
			.params(userId, utc(windowStart))
			.query(Integer.class)
			.single();
	}

	void clearFailures(UUID userId) {
		this.jdbc.sql("DELETE FROM second_factor_failures WHERE user_id = ?").param(userId).update();
	}

	void replaceRecoveryCodes(UUID userId, List<String> hashes, Instant now) {
		this.jdbc.sql("DELETE FROM recovery_codes WHERE user_id = ?").param(userId).update();
		for (String hash : hashes) {
			this.jdbc.sql("INSERT INTO recovery_codes (user_id, code_hash, created_at) VALUES (?, ?, ?)")
				.params(userId, hash, utc(now))
				.update();
		}
	}

	/** Marks an unused recovery code used; false when there is no such unused code. */
	boolean useRecoveryCode(UUID userId, String hash, Instant now) {
		return this.jdbc
			.sql("UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? AND used_at IS NULL")
			.params(utc(now), userId, hash)
			.update() == 1;
	}

	int unusedRecoveryCodes(UUID userId) {
		return this.jdbc.sql("SELECT count(*) FROM recovery_codes WHERE user_id = ? AND used_at IS NULL")
			.param(userId)
			.query(Integer.class)
			.single();
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record Credential(Sealed sealed, boolean confirmed) {

	}

}

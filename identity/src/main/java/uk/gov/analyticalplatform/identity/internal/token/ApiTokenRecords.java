package uk.gov.analyticalplatform.identity.internal.token;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.identity.ApiScope;
import uk.gov.analyticalplatform.identity.ApiTokenSummary;

/** The {@code api_tokens} table. */
class ApiTokenRecords {

	private static final String COLUMNS = "id, user_id, name, scopes, created_at, expires_at, last_used_at";

	private final JdbcClient jdbc;

	ApiTokenRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(UUID id, UUID userId, String name, String hash, Set<ApiScope> scopes, Instant createdAt,
			Instant expiresAt) {
		String[] values = scopes.stream().map(ApiScope::value).sorted().toArray(String[]::new);
		this.jdbc.sql("""
				INSERT INTO api_tokens (id, user_id, name, token_hash, scopes, created_at, expires_at)
				VALUES (:id, :user, :name, :hash, :scopes, :created, :expires)
				""")
			.param("id", id)
			.param("user", userId)
			.param("name", name)
			.param("hash", hash)
			.param("scopes", values)
			.param("created", utc(createdAt))
			.param("expires", utc(expiresAt))
			.update();
	}

	List<ApiTokenSummary> live(UUID userId, Instant now) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM api_tokens WHERE user_id = ? AND revoked_at IS NULL AND expires_at > ? "
					+ "ORDER BY created_at DESC, name")
			.params(userId, utc(now))
			.query((rs, row) -> summary(rs))
			.list();
	}

	/**
	 * When the user's tokens of the last while were created, oldest first. Locks the
	 * user's row first, so that parallel creations by one user queue and count each
	 * other.
	 */
	List<Instant> createdSince(UUID userId, Instant since) {
		this.jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(userId).query(UUID.class).optional();
		return this.jdbc
			.sql("SELECT created_at FROM api_tokens WHERE user_id = ? AND created_at > ? ORDER BY created_at")
			.params(userId, utc(since))
			.query((rs, row) -> rs.getObject(1, OffsetDateTime.class).toInstant())
			.list();
	}

	boolean nameInUse(UUID userId, String name, Instant now) {
		return this.jdbc.sql(
				"SELECT count(*) FROM api_tokens WHERE user_id = ? AND name = ? AND revoked_at IS NULL AND expires_at > ?")
			.params(userId, name, utc(now))
			.query(Long.class)
			.single() > 0;
	}

	Optional<Owned> findLiveByHash(String hash, Instant now) {
		return this.jdbc
			.sql("SELECT " + COLUMNS
					+ " FROM api_tokens WHERE token_hash = ? AND revoked_at IS NULL AND expires_at > ?")
			.params(hash, utc(now))
			.query((rs, row) -> new Owned(rs.getObject("user_id", UUID.class), summary(rs)))
			.optional();
	}

	Optional<ApiTokenSummary> revoke(UUID userId, UUID id, Instant now) {
		return this.jdbc
			.sql("UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL "
					+ "AND expires_at > ? RETURNING " + COLUMNS)
			.params(utc(now), id, userId, utc(now))
			.query((rs, row) -> summary(rs))
			.optional();
	}

	/**
	 * Of these tokens, those that are gone, revoked or expired, or whose owner is
	 * suspended: what {@link #findLiveByHash} and the owner's check in
	 * {@code ApiTokenService#authenticate} refuse.
	 */
	Set<UUID> notInGoodStanding(Collection<UUID> ids, Instant now) {
		String[] values = ids.stream().map(UUID::toString).toArray(String[]::new);
		return new HashSet<>(this.jdbc.sql("""
				SELECT t.id FROM unnest(CAST(? AS uuid[])) AS t(id)
				WHERE NOT EXISTS (SELECT 1 FROM api_tokens a JOIN users u ON u.id = a.user_id
				                  WHERE a.id = t.id AND a.revoked_at IS NULL AND a.expires_at > ?
				                    AND u.suspended_at IS NULL)
				""").params(values, utc(now)).query(UUID.class).list());
	}

	void touch(UUID id, Instant now) {
		this.jdbc.sql("UPDATE api_tokens SET last_used_at = ? WHERE id = ?").params(utc(now), id).update();
	}

	private static ApiTokenSummary summary(ResultSet rs) throws SQLException {
		Set<ApiScope> scopes = Arrays.stream((String[]) rs.getArray("scopes").getArray())
			.map((value) -> ApiScope.fromValue(value).orElseThrow())
			.collect(Collectors.toSet());
		OffsetDateTime lastUsed = rs.getObject("last_used_at", OffsetDateTime.class);
		return new ApiTokenSummary(rs.getObject("id", UUID.class), rs.getString("name"), scopes,
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getObject("expires_at", OffsetDateTime.class).toInstant(),
				(lastUsed != null) ? lastUsed.toInstant() : null);
	}

	private static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	record Owned(UUID userId, ApiTokenSummary summary) {

	}

}

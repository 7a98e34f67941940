package uk.gov.analyticalplatform.identity.internal.account;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.SessionSignIn;
import uk.gov.analyticalplatform.identity.UserAccount;
import uk.gov.analyticalplatform.identity.UserAccount.Origin;

/** The {@code users} and {@code user_roles} tables. */
class UserRecords {

	private static final String SELECT = """
			SELECT u.*,
			  ARRAY(SELECT r.role FROM user_roles r WHERE r.user_id = u.id ORDER BY r.role) AS roles,
			  EXISTS (SELECT 1 FROM totp_credentials t WHERE t.user_id = u.id AND t.confirmed_at IS NOT NULL) AS enrolled
			FROM users u
			""";

	private final JdbcClient jdbc;

	UserRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<UserAccount> findById(UUID id) {
		return this.jdbc.sql(SELECT + " WHERE u.id = ?").param(id).query(UserRecords::account).optional();
	}

	Optional<UserAccount> findByUsername(String username) {
		return this.jdbc.sql(SELECT + " WHERE u.username = ?").param(username).query(UserRecords::account).optional();
	}

	Optional<UserAccount> findByOidcSubject(String issuer, String subject) {
		return this.jdbc.sql(SELECT + " WHERE u.oidc_issuer = ? AND u.oidc_subject = ?")
			.params(issuer, subject)
			.query(UserRecords::account)
			.optional();
	}

	List<UserAccount> findAll() {
		return this.jdbc.sql(SELECT + " ORDER BY u.username").query(UserRecords::account).list();
	}

	Optional<String> passwordHash(UUID id) {
		return this.jdbc.sql("SELECT password_hash FROM users WHERE id = ?").param(id).query(String.class).optional();
	}

	boolean usernameExists(String username) {
		return this.jdbc.sql("SELECT count(*) FROM users WHERE username = ?")
			.param(username)
			.query(Long.class)
			.single() > 0;
	}

	boolean isEmpty() {
		return this.jdbc.sql("SELECT NOT EXISTS (SELECT 1 FROM users)").query(Boolean.class).single();
	}

	/**
	 * Locks the user's row until the transaction ends, so that changes to one user queue.
	 */
	void lock(UUID id) {
		this.jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE").param(id).query(UUID.class).optional();
	}

	void insertLocal(UUID id, String username, String email, String displayName, String passwordHash, Instant now) {
		this.jdbc.sql("""
				INSERT INTO users (id, username, email, display_name, origin, password_hash, password_change_required,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, 'LOCAL', ?, true, ?, ?)
				""").params(id, username, email, displayName, passwordHash, utc(now), utc(now)).update();
	}

	void insertOidc(UUID id, String username, String email, String displayName, String issuer, String subject,
			Instant now) {
		this.jdbc.sql("""
				INSERT INTO users (id, username, email, display_name, origin, oidc_issuer, oidc_subject,
				  created_at, updated_at)
				VALUES (?, ?, ?, ?, 'OIDC', ?, ?, ?, ?)
				""").params(id, username, email, displayName, issuer, subject, utc(now), utc(now)).update();
	}

	void updateProfile(UUID id, String email, String displayName, Instant now) {
		this.jdbc.sql("UPDATE users SET email = ?, display_name = ?, updated_at = ? WHERE id = ?")
			.params(email, displayName, utc(now), id)
			.update();
	}

	void replaceRoles(UUID id, Set<Role> roles, Instant now) {
		this.jdbc.sql("DELETE FROM user_roles WHERE user_id = ?").param(id).update();
		for (Role role : roles) {
			this.jdbc.sql("INSERT INTO user_roles (user_id, role, granted_at) VALUES (?, ?, ?)")
				.params(id, role.name(), utc(now))
				.update();
		}
	}

	void setSuspended(UUID id, boolean suspended, Instant now) {
		this.jdbc.sql("""
				UPDATE users SET suspended_at = ?, updated_at = ?,
				  session_epoch = session_epoch + CASE WHEN ? THEN 1 ELSE 0 END
				WHERE id = ?
				""").params(suspended ? utc(now) : null, utc(now), suspended, id).update();
	}

	void setPassword(UUID id, String passwordHash, boolean changeRequired, Instant now) {
		this.jdbc.sql("""
				UPDATE users SET password_hash = ?, password_change_required = ?, updated_at = ?,
				  session_epoch = session_epoch + 1
				WHERE id = ?
				""").params(passwordHash, changeRequired, utc(now), id).update();
	}

	void rehashPassword(UUID id, String passwordHash) {
		this.jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(passwordHash, id).update();
	}

	void endSessions(UUID id, Instant now) {
		this.jdbc.sql("UPDATE users SET session_epoch = session_epoch + 1, updated_at = ? WHERE id = ?")
			.params(utc(now), id)
			.update();
	}

	/**
	 * Of these sign-ins, those whose user is gone or suspended or has moved to another
	 * session epoch.
	 */
	Set<SessionSignIn> endedSignIns(Collection<SessionSignIn> signIns) {
		String[] users = signIns.stream().map((signIn) -> signIn.userId().toString()).toArray(String[]::new);
		Integer[] epochs = signIns.stream().map(SessionSignIn::sessionEpoch).toArray(Integer[]::new);
		return new HashSet<>(this.jdbc.sql("""
				SELECT s.user_id, s.epoch FROM unnest(CAST(? AS uuid[]), CAST(? AS integer[])) AS s(user_id, epoch)
				LEFT JOIN users u ON u.id = s.user_id
				WHERE u.id IS NULL OR u.suspended_at IS NOT NULL OR u.session_epoch <> s.epoch
				""")
			.params(users, epochs)
			.query((rs, row) -> new SessionSignIn(rs.getObject("user_id", UUID.class), rs.getInt("epoch")))
			.list());
	}

	static OffsetDateTime utc(Instant instant) {
		return instant.atOffset(ZoneOffset.UTC);
	}

	private static UserAccount account(ResultSet rs, int row) throws SQLException {
		return new UserAccount(rs.getObject("id", UUID.class), rs.getString("username"), rs.getString("email"),
				rs.getString("display_name"), Origin.valueOf(rs.getString("origin")), roles(rs.getArray("roles")),
				rs.getTimestamp("suspended_at") != null, rs.getBoolean("password_change_required"),
				rs.getBoolean("enrolled"), rs.getInt("session_epoch"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant());
	}

	private static Set<Role> roles(Array array) throws SQLException {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		Arrays.stream((String[]) array.getArray()).map(Role::valueOf).forEach(roles::add);
		return roles;
	}

}

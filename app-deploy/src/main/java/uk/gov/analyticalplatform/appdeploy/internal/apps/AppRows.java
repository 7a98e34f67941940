package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppOwner;
import uk.gov.analyticalplatform.appdeploy.NewApp;
import uk.gov.analyticalplatform.dataaccess.AppOwnership;
import uk.gov.analyticalplatform.dataaccess.UserRef;

/** The {@code apps} and {@code app_owners} tables. */
public class AppRows {

	private static final String COLUMNS = "a.id, a.name, a.description, a.repository_url, a.image_repository, "
			+ "a.created_at, (SELECT v.number FROM app_versions v WHERE v.id = a.deployed_version) AS deployed, "
			+ "(SELECT count(*) FROM app_viewers w WHERE w.app_id = a.id) AS viewers";

	private final JdbcClient jdbc;

	public AppRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * An app's row as stored.
	 *
	 * @param id its id
	 * @param name its name
	 * @param description its description
	 * @param repositoryUrl its repository
	 * @param imageRepository its image repository
	 * @param createdAt when it was registered
	 * @param deployedVersion the number of the version to run, or {@code null}
	 * @param viewers how many viewers it has
	 */
	public record AppRow(UUID id, String name, String description, String repositoryUrl, String imageRepository,
			Instant createdAt, Integer deployedVersion, int viewers) {

	}

	boolean nameTaken(String name) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM apps WHERE name = ?)")
			.param(name)
			.query(Boolean.class)
			.single();
	}

	void insert(UUID id, NewApp app, Instant now, String by) {
		this.jdbc
			.sql("INSERT INTO apps (id, name, description, repository_url, image_repository, created_at, created_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, app.name(), app.description(), app.repositoryUrl(), app.imageRepository(), Timestamp.from(now),
					by)
			.update();
	}

	public Optional<AppRow> find(String name) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM apps a WHERE a.name = ?")
			.param(name)
			.query(AppRows::read)
			.optional();
	}

	/**
	 * Reads the app and locks its row until the transaction ends: changes to one app's
	 * viewers, owners and versions happen one at a time.
	 */
	Optional<AppRow> lock(String name) {
		Optional<UUID> id = this.jdbc.sql("SELECT id FROM apps WHERE name = ? FOR UPDATE")
			.param(name)
			.query(UUID.class)
			.optional();
		return id.flatMap((locked) -> find(name));
	}

	List<AppRow> all() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM apps a ORDER BY a.name").query(AppRows::read).list();
	}

	List<AppRow> ownedBy(String userId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM apps a JOIN app_owners o ON o.app_id = a.id WHERE o.user_id = ? "
					+ "ORDER BY a.name")
			.param(userId)
			.query(AppRows::read)
			.list();
	}

	void update(UUID id, String description, String repositoryUrl, String imageRepository) {
		this.jdbc.sql("UPDATE apps SET description = ?, repository_url = ?, image_repository = ? WHERE id = ?")
			.params(description, repositoryUrl, imageRepository, id)
			.update();
	}

	void delete(UUID id) {
		this.jdbc.sql("DELETE FROM apps WHERE id = ?").param(id).update();
	}

	/** The owners of the app by name, each with when they became one, oldest first. */
	public List<AppOwnership.Owner> ownersSince(String app) {
		return this.jdbc.sql("""
				SELECT o.user_id, o.username, o.added_at FROM app_owners o JOIN apps a ON a.id = o.app_id
				 WHERE a.name = ? ORDER BY o.added_at, o.username
				""")
			.param(app)
			.query((rs, n) -> new AppOwnership.Owner(new UserRef(rs.getString("user_id"), rs.getString("username")),
					rs.getTimestamp("added_at").toInstant()))
			.list();
	}

	public List<AppOwner> owners(UUID appId) {
		return this.jdbc.sql("SELECT user_id, username FROM app_owners WHERE app_id = ? ORDER BY username")
			.param(appId)
			.query((rs, n) -> new AppOwner(rs.getString("user_id"), rs.getString("username")))
			.list();
	}

	boolean isOwner(UUID appId, String userId) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_owners WHERE app_id = ? AND user_id = ?)")
			.params(appId, userId)
			.query(Boolean.class)
			.single();
	}

	boolean addOwner(UUID appId, AppOwner owner, Instant now, String by) {
		return this.jdbc
			.sql("INSERT INTO app_owners (app_id, user_id, username, added_at, added_by) VALUES (?, ?, ?, ?, ?) "
					+ "ON CONFLICT DO NOTHING")
			.params(appId, owner.userId(), owner.username(), Timestamp.from(now), by)
			.update() > 0;
	}

	boolean removeOwner(UUID appId, String userId) {
		return this.jdbc.sql("DELETE FROM app_owners WHERE app_id = ? AND user_id = ?")
			.params(appId, userId)
			.update() > 0;
	}

	private static AppRow read(ResultSet rs, int n) throws SQLException {
		return new AppRow(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("description"),
				rs.getString("repository_url"), rs.getString("image_repository"),
				rs.getTimestamp("created_at").toInstant(), (Integer) rs.getObject("deployed"), rs.getInt("viewers"));
	}

}

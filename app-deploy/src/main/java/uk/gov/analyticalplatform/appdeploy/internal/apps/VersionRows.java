package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppDeployment;
import uk.gov.analyticalplatform.appdeploy.AppVersion;
import uk.gov.analyticalplatform.appdeploy.ImageResolution;

/** The {@code app_versions} and {@code app_deployments} tables. */
class VersionRows {

	private static final String COLUMNS = "v.id, v.number, v.image, v.registered_at, v.registered_by, "
			+ "v.requested_image, v.resolution, v.resolution_reason, "
			+ "(a.deployed_version IS NOT DISTINCT FROM v.id) AS deployed";

	private final JdbcClient jdbc;

	VersionRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record VersionRow(UUID id, AppVersion version) {

	}

	List<AppVersion> of(UUID appId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_versions v JOIN apps a ON a.id = v.app_id WHERE v.app_id = ? "
					+ "ORDER BY v.number DESC")
			.param(appId)
			.query((rs, n) -> read(rs).version())
			.list();
	}

	Optional<VersionRow> find(UUID appId, int number) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_versions v JOIN apps a ON a.id = v.app_id "
					+ "WHERE v.app_id = ? AND v.number = ?")
			.params(appId, number)
			.query((rs, n) -> read(rs))
			.optional();
	}

	Optional<VersionRow> newest(UUID appId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM app_versions v JOIN apps a ON a.id = v.app_id WHERE v.app_id = ? "
					+ "ORDER BY v.number DESC LIMIT 1")
			.param(appId)
			.query((rs, n) -> read(rs))
			.optional();
	}

	/** Inserts the app's next version, taking its number from the (locked) app row. */
	int insert(UUID appId, ImageResolution image, Instant now, String by) {
		int number = this.jdbc
			.sql("UPDATE apps SET next_version = next_version + 1 WHERE id = ? RETURNING next_version - 1")
			.param(appId)
			.query(Integer.class)
			.single();
		this.jdbc
			.sql("INSERT INTO app_versions (id, app_id, number, image, registered_at, registered_by, requested_image, "
					+ "resolution, resolution_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), appId, number, image.image(), Timestamp.from(now), by, image.requested(),
					image.state().name(), image.reason())
			.update();
		return number;
	}

	/** Deletes all but the newest {@code kept} versions, never the deployed one. */
	List<Integer> prune(UUID appId, int kept) {
		return this.jdbc
			.sql("DELETE FROM app_versions v USING apps a WHERE a.id = v.app_id AND v.app_id = ? "
					+ "AND v.id IS DISTINCT FROM a.deployed_version AND v.number <= "
					+ "(SELECT max(number) FROM app_versions WHERE app_id = ?) - ? RETURNING v.number")
			.params(appId, appId, kept)
			.query(Integer.class)
			.list();
	}

	void deploy(UUID appId, VersionRow version, boolean rollback, Instant now, String by) {
		this.jdbc.sql("UPDATE apps SET deployed_version = ? WHERE id = ?").params(version.id(), appId).update();
		this.jdbc
			.sql("INSERT INTO app_deployments (id, app_id, version_number, image, kind, deployed_at, deployed_by) "
					+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), appId, version.version().number(), version.version().image(),
					rollback ? "ROLLBACK" : "DEPLOY", Timestamp.from(now), by)
			.update();
	}

	List<AppDeployment> history(UUID appId) {
		return this.jdbc
			.sql("SELECT version_number, image, kind, deployed_at, deployed_by FROM app_deployments WHERE app_id = ? "
					+ "ORDER BY deployed_at DESC, id")
			.param(appId)
			.query((rs, n) -> new AppDeployment(rs.getInt("version_number"), rs.getString("image"),
					"ROLLBACK".equals(rs.getString("kind")), rs.getTimestamp("deployed_at").toInstant(),
					rs.getString("deployed_by")))
			.list();
	}

	private static VersionRow read(ResultSet rs) throws SQLException {
		return new VersionRow(rs.getObject("id", UUID.class),
				new AppVersion(rs.getInt("number"), rs.getString("image"), rs.getTimestamp("registered_at").toInstant(),
						rs.getString("registered_by"), rs.getBoolean("deployed"),
						new ImageResolution(rs.getString("image"), rs.getString("requested_image"),
								ImageResolution.State.valueOf(rs.getString("resolution")),
								rs.getString("resolution_reason"))));
	}

}

package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.Viewer;

/** The {@code app_viewers} table. */
class ViewerRows {

	private final JdbcClient jdbc;

	ViewerRows(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Viewer> of(UUID appId) {
		return this.jdbc.sql("SELECT email, added_at, added_by FROM app_viewers WHERE app_id = ? ORDER BY email")
			.param(appId)
			.query((rs, n) -> new Viewer(rs.getString("email"), rs.getTimestamp("added_at").toInstant(),
					rs.getString("added_by")))
			.list();
	}

	boolean contains(UUID appId, String email) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM app_viewers WHERE app_id = ? AND email = ?)")
			.params(appId, email)
			.query(Boolean.class)
			.single();
	}

	int count(UUID appId) {
		return this.jdbc.sql("SELECT count(*) FROM app_viewers WHERE app_id = ?")
			.param(appId)
			.query(Integer.class)
			.single();
	}

	void insert(UUID appId, String email, Instant now, String by) {
		this.jdbc.sql("INSERT INTO app_viewers (app_id, email, added_at, added_by) VALUES (?, ?, ?, ?)")
			.params(appId, email, Timestamp.from(now), by)
			.update();
	}

	boolean delete(UUID appId, String email) {
		return this.jdbc.sql("DELETE FROM app_viewers WHERE app_id = ? AND email = ?")
			.params(appId, email)
			.update() > 0;
	}

}

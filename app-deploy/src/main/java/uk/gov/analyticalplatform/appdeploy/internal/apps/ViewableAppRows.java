package uk.gov.analyticalplatform.appdeploy.internal.apps;

import java.util.List;
import java.util.Locale;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.ViewableApps;

/** The apps an email address may view: one indexed read of {@code app_viewers}. */
class ViewableAppRows implements ViewableApps {

	private final JdbcClient jdbc;

	private final String domain;

	ViewableAppRows(JdbcClient jdbc, String domain) {
		this.jdbc = jdbc;
		this.domain = domain;
	}

	@Override
	public List<ViewableApp> viewableBy(String email) {
		if (email == null || email.isBlank()) {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT a.name, a.description FROM apps a JOIN app_viewers v ON v.app_id = a.id "
					+ "WHERE v.email = ? ORDER BY a.name")
			.param(email.strip().toLowerCase(Locale.ROOT))
			.query((row, n) -> new ViewableApp(row.getString("name"), row.getString("description"),
					"https://" + row.getString("name") + "." + this.domain + "/"))
			.list();
	}

}

package uk.gov.analyticalplatform.appdeploy.internal.gate;

import java.util.Locale;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;

import uk.gov.analyticalplatform.appdeploy.AppGate;

/**
 * The gate's decision in one statement over unique indexes: the app by name, its owner by
 * (app, user id), its viewer by (app, email).
 */
public class JdbcAppGate implements AppGate {

	private static final String DECIDE = "SELECT EXISTS (SELECT 1 FROM app_owners o WHERE o.app_id = a.id AND "
			+ "o.user_id = :user) AS owner, EXISTS (SELECT 1 FROM app_viewers v WHERE v.app_id = a.id AND "
			+ "v.email = :email) AS viewer FROM apps a WHERE a.name = :app";

	private final JdbcClient jdbc;

	public JdbcAppGate(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Admission admit(String app, UUID userId, String email) {
		if (app == null || userId == null) {
			return Admission.REFUSED;
		}
		return this.jdbc.sql(DECIDE)
			.param("app", app)
			.param("user", userId.toString())
			.param("email", (email != null) ? email.strip().toLowerCase(Locale.ROOT) : "")
			.query((rs, n) -> rs.getBoolean("owner") ? Admission.OWNER
					: rs.getBoolean("viewer") ? Admission.VIEWER : Admission.REFUSED)
			.optional()
			.orElse(Admission.REFUSED);
	}

}

package uk.gov.analyticalplatform.testing;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;

/**
 * Creates throw-away databases and superuser connections on the real PostgreSQL. Tests
 * use the superuser connection for what the application must never be able to do, such as
 * tampering.
 */
public final class TestDatabases {

	public static final String OWNER_ROLE = "platform_owner";

	public static final String APP_ROLE = "platform_app";

	private TestDatabases() {
	}

	/** Creates an empty database owned by the schema owner and returns its name. */
	public static String create(String hint) {
		String name = ("t_" + hint.replaceAll("[^A-Za-z0-9]", "_") + "_" + UUID.randomUUID().toString().substring(0, 8))
			.toLowerCase(Locale.ROOT);
		try (Connection connection = superuser("postgres"); Statement statement = connection.createStatement()) {
			statement.execute("CREATE DATABASE " + name + " OWNER " + OWNER_ROLE);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create test database " + name, ex);
		}
		return name;
	}

	/**
	 * A connection as the cluster's superuser, which bypasses every grant the application
	 * has.
	 */
	public static Connection superuser(String database) throws SQLException {
		PlatformServices services = PlatformServices.get();
		return DriverManager.getConnection(services.jdbcUrl(database), services.pgSuperuser(),
				services.pgSuperuserPassword());
	}

	/** A connection as the application's own restricted role. */
	public static Connection application(String database) throws SQLException {
		return DriverManager.getConnection(PlatformServices.get().jdbcUrl(database), APP_ROLE, APP_ROLE);
	}

}

package uk.gov.analyticalplatform.api.support;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import no.nav.security.mock.oauth2.MockOAuth2Server;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.TestSocketUtils;

import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.testing.MovableClock;
import uk.gov.analyticalplatform.testing.PlatformDatabase;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running application on its own database, with a real OpenID Connect provider in the
 * JVM (mock-oauth2-server). Every identity test shares this one context, so each makes
 * users of its own.
 */
@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
@PlatformDatabase
public abstract class IdentityIntegrationTest {

	protected static final MockOAuth2Server oidc = startProvider();

	@LocalServerPort
	protected int port;

	@Autowired
	protected SignedInUsers users;

	@Autowired
	protected MovableClock clock;

	@Value("${platform.test.database}")
	protected String database;

	/**
	 * Each context gets free ports of its own, chosen before it starts, so that its
	 * public base URL (the OpenID Connect redirect URI's) names the port it listens on.
	 */
	@DynamicPropertySource
	static void ports(DynamicPropertyRegistry registry) {
		int port = TestSocketUtils.findAvailableTcpPort();
		int managementPort = TestSocketUtils.findAvailableTcpPort();
		registry.add("server.port", () -> port);
		registry.add("management.server.port", () -> managementPort);
	}

	@DynamicPropertySource
	static void identityProvider(DynamicPropertyRegistry registry) {
		String prefix = "platform.oidc.providers.mock.";
		registry.add(prefix + "issuer-uri", () -> oidc.issuerUrl("default").toString());
		registry.add(prefix + "client-id", () -> "analytical-platform");
		registry.add(prefix + "client-secret", () -> "not-a-secret");
		registry.add(prefix + "display-name", () -> "Test provider");
		registry.add(prefix + "admin-groups", () -> "platform-admins");
		registry.add("platform.oidc.providers.trusting.issuer-uri", () -> oidc.issuerUrl("trusting").toString());
		registry.add("platform.oidc.providers.trusting.client-id", () -> "analytical-platform");
		registry.add("platform.oidc.providers.trusting.client-secret", () -> "not-a-secret");
		registry.add("platform.oidc.providers.trusting.trust-mfa-claim", () -> "true");
	}

	private static MockOAuth2Server startProvider() {
		MockOAuth2Server server = new MockOAuth2Server();
		server.start();
		return server;
	}

	protected ApiClient api() {
		return new ApiClient(this.port);
	}

	/**
	 * A code from the authenticator that has not been used: time moves on one step first.
	 */
	protected String freshCode(String secret) {
		this.clock.advance(Duration.ofSeconds(30));
		return TestTotp.code(secret, this.clock.instant());
	}

	/** Signs in with password and TOTP through the JSON API. */
	protected ApiClient signedIn(SignedInUsers.Enrolled user) {
		ApiClient client = api();
		assertThat(client.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD)).status())
			.isEqualTo(200);
		assertThat(client.post("/api/v1/auth/totp/verify", code(freshCode(user.secret()))).status()).isEqualTo(200);
		return client;
	}

	/**
	 * Registers an S3 dataset, owned by a new group, that the data admin administers.
	 * @param name the dataset's name (its bucket is named after it)
	 * @return its id
	 */
	protected String s3Dataset(ApiClient platformAdmin, SignedInUsers.Enrolled dataAdmin, String name) {
		Response group = platformAdmin.post("/api/v1/groups", "{\"name\": \"" + name + "-owners\"}");
		assertThat(group.status()).as(group.toString()).isEqualTo(201);
		Response dataset = platformAdmin.post("/api/v1/datasets", """
				{"name": "%s", "description": "Court listings", "ownerGroupId": "%s",
				 "classification": "OFFICIAL", "kind": "S3", "bucket": "%s", "rootPrefix": "curated/",
				 "dataAdmins": ["%s"]}""".formatted(name, group.json().path("id").asString(), name,
				dataAdmin.username()));
		assertThat(dataset.status()).as(dataset.toString()).isEqualTo(201);
		return dataset.json().path("id").asString();
	}

	/**
	 * Signs in through the OpenID Connect provider's authorization code flow (the
	 * provider's next token is whatever the test enqueued); returns the control plane's
	 * last redirect.
	 */
	protected Response signInThroughProvider(ApiClient browser, String registration) {
		Response start = browser.exchange("GET", "/oauth2/authorization/" + registration, null, "text/html");
		assertThat(start.status()).isEqualTo(302);
		String authorize = start.raw().headers().firstValue("Location").orElseThrow();
		assertThat(authorize).contains("code_challenge=").contains("code_challenge_method=S256");
		Response callback = browser.follow(start);
		assertThat(callback.status()).as(callback.body()).isEqualTo(302);
		Response landing = browser.follow(callback);
		assertThat(landing.status()).as(landing.body()).isEqualTo(302);
		return landing;
	}

	protected static String login(String username, String password) {
		return "{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}";
	}

	protected static String code(String code) {
		return "{\"code\": \"" + code + "\"}";
	}

	/** How many audit events of this action name the target, read as the superuser. */
	protected int auditEvents(String action, String targetId) {
		return Integer.parseInt(
				superuserQuery("SELECT count(*) FROM audit_event WHERE action = ? AND target_id = ?", action, targetId)
					.get(0));
	}

	/**
	 * The first column of every row the query returns, as text, read as the superuser
	 * (who bypasses every grant the application has).
	 */
	protected List<String> superuserQuery(String sql, Object... parameters) {
		try (Connection connection = TestDatabases.superuser(this.database);
				PreparedStatement query = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				query.setObject(i + 1, parameters[i]);
			}
			List<String> values = new ArrayList<>();
			try (ResultSet rows = query.executeQuery()) {
				while (rows.next()) {
					values.add(rows.getString(1));
				}
			}
			return values;
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

}

package uk.gov.analyticalplatform.api.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.ApiTokens;
import uk.gov.analyticalplatform.identity.Role;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.testing.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

class ApiTokensIT extends IdentityIntegrationTest {

	@Autowired
	Users identity;

	@Autowired
	ApiTokens apiTokens;

	@Test
	void aTokenIsShownOnceWorksAsABearerTokenAndStopsWhenRevoked() {
		Enrolled user = this.users.enrolled("tokens");
		ApiClient session = signedIn(user);
		Response issued = session.post("/api/v1/me/tokens", token("pipeline", "profile:read", 30));
		assertThat(issued.status()).isEqualTo(201);
		String token = issued.json().path("token").asString();
		String id = issued.json().path("id").asString();
		assertThat(token).startsWith("apt_");

		JsonNode listed = session.get("/api/v1/me/tokens").json();
		assertThat(listed).hasSize(1);
		assertThat(listed.get(0).path("token").isNull()).isTrue();
		Response me = api().withBearer(token).get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("authenticatedWith").asString()).isEqualTo("api-token");
		assertThat(me.json().path("user").path("username").asString()).isEqualTo(user.username());

		assertThat(session.send("DELETE", "/api/v1/me/tokens/" + id, null).status()).isEqualTo(204);
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(401);
		assertThat(session.send("DELETE", "/api/v1/me/tokens/" + id, null).status()).isEqualTo(404);
		assertThat(auditEvents("api_token.created", id)).isEqualTo(1);
		assertThat(auditEvents("api_token.revoked", id)).isEqualTo(1);
	}

	@Test
	void theRawTokenIsNowhereInTheDatabase() throws Exception {
		ApiClient session = signedIn(this.users.enrolled("hashing"));
		String token = session.post("/api/v1/me/tokens", token("hashed", "profile:read", 30))
			.json()
			.path("token")
			.asString();
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(200);
		String secretPart = token.substring(4);
		String secretHex = java.util.HexFormat.of()
			.formatHex(secretPart.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
		try (Connection connection = TestDatabases.superuser(this.database)) {
			List<String> tables = new ArrayList<>();
			try (Statement statement = connection.createStatement();
					ResultSet rows = statement.executeQuery(
							"SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables "
									+ "WHERE table_schema NOT IN ('pg_catalog', 'information_schema') "
									+ "AND table_type = 'BASE TABLE'")) {
				while (rows.next()) {
					tables.add(rows.getString(1));
				}
			}
			assertThat(tables).contains("public.api_tokens", "public.audit_event", "public.spring_session_attributes");
			for (String table : tables) {
				try (Statement statement = connection.createStatement();
						ResultSet rows = statement
							.executeQuery("SELECT count(*) FROM " + table + " t WHERE t::text LIKE '%" + secretPart
									+ "%' OR t::text LIKE '%" + secretHex + "%'")) {
					rows.next();
					assertThat(rows.getInt(1)).as(table).isZero();
				}
			}
		}
	}

	@Test
	void anExpiredTokenStopsWorking() {
		ApiClient session = signedIn(this.users.enrolled("expiry"));
		String token = session.post("/api/v1/me/tokens", token("short", "profile:read", 1))
			.json()
			.path("token")
			.asString();
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(200);
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void tokensLiveNoLongerThanNinetyDaysAndNeedAKnownScope() {
		ApiClient session = signedIn(this.users.enrolled("limits"));
		Response tooLong = session.post("/api/v1/me/tokens", token("long", "profile:read", 91));
		assertThat(tooLong.status()).isEqualTo(400);
		assertThat(tooLong.problemType()).isEqualTo("/problems/api-token-request-refused");
		assertThat(session.post("/api/v1/me/tokens", token("odd", "root", 30)).status()).isEqualTo(400);
		assertThat(session.post("/api/v1/me/tokens", token("max", "profile:read", 90)).status()).isEqualTo(201);
	}

	@Test
	void anAdminTokenWithTheUsersScopeManagesUsersButCannotMintTokens() {
		Enrolled admin = this.users.enrolled("tokenadmin", Role.PLATFORM_ADMIN);
		ApiClient session = signedIn(admin);
		String token = session.post("/api/v1/me/tokens", token("admin script", "users:admin", 30))
			.json()
			.path("token")
			.asString();
		ApiClient script = api().withBearer(token);
		assertThat(script.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(script.exchange("POST", "/api/v1/me/tokens", token("more", "users:admin", 30)).status())
			.isEqualTo(403);
		assertThat(script.get("/api/v1/me").status()).isEqualTo(403);
	}

	@Test
	void anAnalystCannotCreateATokenWithScopesOnlyAdminsCanUse() {
		ApiClient session = signedIn(this.users.enrolled("analystscopes"));
		for (String scope : List.of("users:admin", "audit:read")) {
			Response refused = session.post("/api/v1/me/tokens", token("admin-only " + scope, scope, 30));
			assertThat(refused.status()).as(scope).isEqualTo(400);
			assertThat(refused.problemType()).isEqualTo("/problems/api-token-request-refused");
			assertThat(refused.json().path("detail").asString()).contains(scope);
		}
		assertThat(session.post("/api/v1/me/tokens", token("pipeline", "datasets:write", 30)).status()).isEqualTo(201);
		assertThat(session.get("/api/v1/me/tokens").json()).hasSize(1);
	}

	@Test
	void creatingMoreTokensThanTheHourlyAllowanceWaitsForTheOldestToAge() {
		Enrolled user = this.users.enrolled("minting");
		ApiClient session = signedIn(user);
		for (int i = 0; i < 10; i++) {
			assertThat(session.post("/api/v1/me/tokens", token("token " + i, "profile:read", 1)).status())
				.isEqualTo(201);
			this.clock.advance(Duration.ofMinutes(1));
		}
		Response throttled = session.post("/api/v1/me/tokens", token("one too many", "profile:read", 1));
		assertThat(throttled.status()).isEqualTo(429);
		assertThat(throttled.problemType()).isEqualTo("/problems/api-token-creation-throttled");
		assertThat(throttled.raw().headers().firstValue("Retry-After").map(Integer::parseInt))
			.hasValueSatisfying((seconds) -> assertThat(seconds).isBetween(2940, 3000));
		assertThat(auditEvents("api_token.creation_throttled", user.user().id().toString())).isEqualTo(1);
		this.clock.advance(Duration.ofMinutes(50));
		assertThat(session.post("/api/v1/me/tokens", token("one too many", "profile:read", 1)).status()).isEqualTo(201);
	}

	@Test
	void oneBatchTellsWhichTokensNoLongerAuthenticate() {
		Enrolled user = this.users.enrolled("standing-tokens");
		Enrolled suspended = this.users.enrolled("standing-suspended");
		ApiClient session = signedIn(user);
		Map<String, Response> tokens = new LinkedHashMap<>();
		tokens.put("live", session.post("/api/v1/me/tokens", token("live", "tools:write", 30)));
		tokens.put("expiring", session.post("/api/v1/me/tokens", token("expiring", "tools:write", 1)));
		tokens.put("revoked", session.post("/api/v1/me/tokens", token("revoked", "tools:write", 30)));
		tokens.put("of a suspended user",
				signedIn(suspended).post("/api/v1/me/tokens", token("suspended", "tools:write", 30)));
		assertThat(session.send("DELETE", "/api/v1/me/tokens/" + id(tokens.get("revoked")), null).status())
			.isEqualTo(204);
		this.identity.update(this.users.admin().id(), suspended.username(), new UserChange(null, true));
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		UUID unknown = UUID.randomUUID();
		List<UUID> asked = new ArrayList<>(tokens.values().stream().map((token) -> id(token)).toList());
		asked.add(unknown);

		Set<UUID> ended = this.apiTokens.notInGoodStanding(asked);

		assertThat(ended).containsExactlyInAnyOrder(id(tokens.get("expiring")), id(tokens.get("revoked")),
				id(tokens.get("of a suspended user")), unknown);
		tokens.forEach((name,
				token) -> assertThat(
						api().withBearer(token.json().path("token").asString()).get("/api/v1/me").status() == 401)
					.as("%s is refused as a bearer token", name)
					.isEqualTo(ended.contains(id(token))));
		assertThat(this.apiTokens.notInGoodStanding(List.of())).isEmpty();
	}

	private static UUID id(Response token) {
		assertThat(token.status()).as(token.toString()).isEqualTo(201);
		return UUID.fromString(token.json().path("id").asString());
	}

	private static String token(String name, String scope, int days) {
		return "{\"name\": \"" + name + "\", \"scopes\": [\"" + scope + "\"], \"expiresInDays\": " + days + "}";
	}

}

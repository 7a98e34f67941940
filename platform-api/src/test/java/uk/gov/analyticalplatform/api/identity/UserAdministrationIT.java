package uk.gov.analyticalplatform.api.identity;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.identity.Role;

import static org.assertj.core.api.Assertions.assertThat;

class UserAdministrationIT extends IdentityIntegrationTest {

	@Test
	void anAdminCreatesALocalUserWhoMustChangeTheOneTimePassword() {
		ApiClient admin = signedIn(this.users.enrolled("creator", Role.PLATFORM_ADMIN));
		String username = "created-" + System.nanoTime();
		Response created = admin.post("/api/v1/users",
				"{\"username\": \"" + username + "\", \"email\": \"c@example.org\", \"displayName\": \"Created\"}");
		assertThat(created.status()).isEqualTo(201);
		String initialPassword = created.json().path("initialPassword").asString();
		assertThat(initialPassword).hasSizeGreaterThanOrEqualTo(12);
		assertThat(created.json().path("user").path("passwordChangeRequired").asBoolean()).isTrue();
		assertThat(admin.post("/api/v1/users", "{\"username\": \"" + username + "\", \"displayName\": \"Again\"}")
			.problemType()).isEqualTo("/problems/username-taken");

		ApiClient user = api();
		assertThat(user.post("/api/v1/auth/login", login(username, initialPassword))
			.json()
			.path("passwordChangeRequired")
			.asBoolean()).isTrue();
		assertThat(auditEvents("user.created", created.json().path("user").path("id").asString())).isEqualTo(1);
	}

	@Test
	void changingRolesIsAuditedAndTakesEffectAtTheNextRequest() {
		ApiClient admin = signedIn(this.users.enrolled("promoter", Role.PLATFORM_ADMIN));
		Enrolled analyst = this.users.enrolled("promoted");
		ApiClient analystSession = signedIn(analyst);
		assertThat(analystSession.get("/api/v1/users").status()).isEqualTo(403);
		Response promoted = admin.send("PATCH", "/api/v1/users/" + analyst.username(),
				"{\"roles\": [\"ANALYST\", \"PLATFORM_ADMIN\"]}");
		assertThat(promoted.status()).isEqualTo(200);
		assertThat(promoted.json().path("roles").toString()).contains("PLATFORM_ADMIN");
		assertThat(analystSession.get("/api/v1/users").status()).isEqualTo(200);
		assertThat(auditEvents("user.roles.changed", analyst.user().id().toString())).isEqualTo(1);
		Response unknownRole = admin.send("PATCH", "/api/v1/users/" + analyst.username(), "{\"roles\": [\"ROOT\"]}");
		assertThat(unknownRole.status()).isEqualTo(400);
	}

	@Test
	void aSuspendedUserIsLockedOutAtOnceFromSessionsTokensAndSignIn() {
		ApiClient admin = signedIn(this.users.enrolled("suspender", Role.PLATFORM_ADMIN));
		Enrolled user = this.users.enrolled("suspended");
		ApiClient session = signedIn(user);
		String token = session
			.post("/api/v1/me/tokens", "{\"name\": \"t\", \"scopes\": [\"profile:read\"], \"expiresInDays\": 5}")
			.json()
			.path("token")
			.asString();
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(200);

		Response suspended = admin.send("PATCH", "/api/v1/users/" + user.username(), "{\"suspended\": true}");
		assertThat(suspended.status()).isEqualTo(200);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(401);
		Response login = api().post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD));
		assertThat(login.status()).isEqualTo(401);
		assertThat(auditEvents("user.suspended", user.user().id().toString())).isEqualTo(1);

		admin.send("PATCH", "/api/v1/users/" + user.username(), "{\"suspended\": false}");
		assertThat(api().withBearer(token).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(auditEvents("user.reactivated", user.user().id().toString())).isEqualTo(1);
	}

	@Test
	void adminsCannotSuspendThemselvesOrDropTheirOwnAdminRole() {
		Enrolled self = this.users.enrolled("selfadmin", Role.PLATFORM_ADMIN);
		ApiClient admin = signedIn(self);
		Response suspend = admin.send("PATCH", "/api/v1/users/" + self.username(), "{\"suspended\": true}");
		assertThat(suspend.status()).isEqualTo(409);
		assertThat(suspend.problemType()).isEqualTo("/problems/own-account-change-refused");
		assertThat(admin.send("PATCH", "/api/v1/users/" + self.username(), "{\"roles\": [\"ANALYST\"]}").status())
			.isEqualTo(409);
	}

	@Test
	void theUserListShowsEveryoneWithoutSecrets() {
		ApiClient admin = signedIn(this.users.enrolled("lister", Role.PLATFORM_ADMIN));
		JsonNode users = admin.get("/api/v1/users").json();
		assertThat(users.size()).isGreaterThanOrEqualTo(2);
		assertThat(users.toString()).doesNotContain("password_hash").doesNotContain("argon2");
		assertThat(admin.send("PATCH", "/api/v1/users/no-such-user", "{\"suspended\": true}").status()).isEqualTo(404);
	}

}

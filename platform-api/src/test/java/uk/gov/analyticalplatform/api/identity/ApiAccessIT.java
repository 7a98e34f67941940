package uk.gov.analyticalplatform.api.identity;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.gov.analyticalplatform.api.identity.ApiRoutes.Route;
import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;

/** Who may reach which route of the JSON API, checked over every route there is. */
class ApiAccessIT extends IdentityIntegrationTest {

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ToolInstances instances;

	ApiRoutes routes;

	@BeforeEach
	void routes() {
		this.routes = ApiRoutes.of(this.mapping);
		assertThat(this.routes.all()).extracting(Route::toString)
			.contains("GET /api/v1/me", "POST /api/v1/me/tokens", "DELETE /api/v1/me/tokens/{id}", "GET /api/v1/users",
					"PATCH /api/v1/users/{username}", "POST /api/v1/users/{username}/totp/reset");
	}

	@Test
	void everyRouteBeyondTheSignInStepsRejectsASessionThatHasNotPassedTheSecondFactor() {
		Enrolled user = this.users.enrolled("gate");
		ApiClient pending = api();
		assertThat(pending.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD)).status())
			.isEqualTo(200);
		for (Route route : this.routes.beyondSignIn()) {
			Response response = pending.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(401);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/mfa-required");
		}
	}

	@Test
	void everyRouteBeyondLoginRejectsAnAnonymousCallerWith401() {
		ApiClient anonymous = api();
		for (Route route : this.routes.all()) {
			if (route.pattern().equals("/api/v1/auth/login") || route.pattern().equals("/api/v1/auth/csrf")) {
				continue;
			}
			Response response = anonymous.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(401);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/unauthenticated");
		}
	}

	@Test
	void everyUserAdministrationRouteIsForbiddenToAnAnalyst() {
		ApiClient analyst = signedIn(this.users.enrolled("analyst"));
		List<Route> adminRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/api/v1/users"))
			.toList();
		assertThat(adminRoutes).hasSize(4);
		for (Route route : adminRoutes) {
			Response response = analyst.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(403);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/forbidden");
		}
	}

	@Test
	void everyAuditRouteIsForbiddenToAnAnalyst() {
		ApiClient analyst = signedIn(this.users.enrolled("not-auditor"));
		List<Route> auditRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/api/v1/audit"))
			.toList();
		assertThat(auditRoutes).hasSize(5);
		for (Route route : auditRoutes) {
			Response response = analyst.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(403);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/forbidden");
		}
	}

	@Test
	void everyPlatformAdminRouteOfDataAccessIsForbiddenToAnAnalyst() {
		ApiClient analyst = signedIn(this.users.enrolled("not-data-platform-admin"));
		List<Route> adminRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.toString().equals("POST /api/v1/datasets")
					|| route.toString().equals("POST /api/v1/groups") || route.pattern().contains("/data-admins")
					|| route.pattern().contains("/members"))
			.toList();
		assertThat(adminRoutes).hasSize(6);
		for (Route route : adminRoutes) {
			Response response = analyst.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(403);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/forbidden");
		}
	}

	@Test
	void everyToolAdminRouteIsForbiddenToAnAnalyst() {
		ApiClient analyst = signedIn(this.users.enrolled("not-tools-admin"));
		List<Route> adminRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/api/v1/tools/"))
			.toList();
		assertThat(adminRoutes).extracting(Route::toString)
			.containsExactlyInAnyOrder("GET /api/v1/tools/instances", "POST /api/v1/tools/instances/{id}/stop",
					"GET /api/v1/tools/releases", "POST /api/v1/tools/releases",
					"PUT /api/v1/tools/releases/{id}/status", "GET /api/v1/tools/profiles",
					"POST /api/v1/tools/profiles", "PUT /api/v1/tools/profiles/{name}");
		for (Route route : adminRoutes) {
			Response response = analyst.send(route.method(), route.path(), route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(403);
			assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/forbidden");
		}
	}

	@Test
	void aToolsWriteTokenOpensOnlyTheCatalogueAndTheOwnersTools() {
		ApiClient session = signedIn(this.users.enrolled("tools-robot"));
		String token = session
			.post("/api/v1/me/tokens", "{\"name\": \"robot\", \"scopes\": [\"tools:write\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient bearer = api().withBearer(token);
		for (Route route : this.routes.beyondSignIn()) {
			Response response = bearer.exchange(route.method(), route.path(), route.body());
			boolean opened = route.pattern().equals("/api/v1/tools") || route.pattern().startsWith("/api/v1/me/tools");
			if (opened) {
				assertThat(response.status()).as(route.toString()).isNotIn(401, 403);
			}
			else {
				assertThat(response.status()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void everyRouteOfOnesOwnToolsAnswersNotFoundForAnotherUsersInstanceAndChangesNothing() {
		Enrolled owner = this.users.enrolled("tool-owner");
		ToolUser ownerTools = new ToolUser(owner.user().id(), owner.username(), Set.of(), false);
		ToolInstance theirs = this.instances.create(ownerTools, Tool.VSCODE, null, null);
		ApiClient intruder = signedIn(this.users.enrolled("tool-intruder"));
		List<Route> instanceRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/api/v1/me/tools/{id}"))
			.toList();
		assertThat(instanceRoutes).extracting(Route::toString)
			.containsExactlyInAnyOrder("GET /api/v1/me/tools/{id}", "PATCH /api/v1/me/tools/{id}",
					"DELETE /api/v1/me/tools/{id}", "POST /api/v1/me/tools/{id}/start",
					"POST /api/v1/me/tools/{id}/stop", "POST /api/v1/me/tools/{id}/restart",
					"POST /api/v1/me/tools/{id}/cancel", "POST /api/v1/me/tools/{id}/reset",
					"GET /api/v1/me/tools/{id}/events");
		for (Route route : instanceRoutes) {
			String path = route.pattern().replace("{id}", theirs.id().toString());
			boolean stream = route.pattern().endsWith("/events");
			Response response = stream ? intruder.exchange("GET", path, null, "text/event-stream, application/json")
					: intruder.send(route.method(), path, route.body());
			assertThat(response.status()).as(route.toString()).isEqualTo(404);
			if (!stream) {
				assertThat(response.problemType()).as(route.toString()).isEqualTo("/problems/tool-instance-not-found");
			}
		}
		assertThat(this.instances.get(ownerTools, theirs.id()).wanted()).isEqualTo(ToolInstance.Wanted.RUNNING);
		assertThat(superuserQuery("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id",
				theirs.id().toString()))
			.containsExactly("tool.started");
		this.instances.delete(ownerTools, theirs.id(), true);
	}

	@Test
	void myToolsListEachInstanceWithTheFieldsTheApiPromises() {
		Enrolled owner = this.users.enrolled("tool-lister");
		ToolUser ownerTools = new ToolUser(owner.user().id(), owner.username(), Set.of(), false);
		ToolInstance mine = this.instances.create(ownerTools, Tool.RSTUDIO, null, null);
		ApiClient client = signedIn(owner);

		Response response = client.get("/api/v1/me/tools");

		assertThat(response.status()).isEqualTo(200);
		var item = response.json().path("items").get(0);
		for (String field : List.of("id", "tool", "release", "profile", "url", "status", "lastActivityAt", "idlesAt",
				"createdAt")) {
			assertThat(item.has(field)).as(field).isTrue();
		}
		for (String field : List.of("state", "step", "reason", "since")) {
			assertThat(item.path("status").has(field)).as("status." + field).isTrue();
		}
		assertThat(item.path("id").asString()).isEqualTo(mine.id().toString());
		assertThat(item.path("tool").asString()).isEqualTo("rstudio");
		assertThat(item.path("release").path("image").asString()).contains("@sha256:");
		assertThat(item.path("createdAt").asString()).isNotBlank();
		this.instances.delete(ownerTools, mine.id(), true);
	}

	@Test
	void aDatasetsWriteTokenOpensOnlyVersionRegistrationVerificationAndUploads() {
		ApiClient session = signedIn(this.users.enrolled("pipeline"));
		String token = session
			.post("/api/v1/me/tokens",
					"{\"name\": \"pipeline\", \"scopes\": [\"datasets:write\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient bearer = api().withBearer(token);
		Set<String> opened = Set.of("POST /api/v1/datasets/{id}/versions",
				"POST /api/v1/datasets/{id}/versions/{versionId}/verify");
		assertThat(this.routes.all()).extracting(Route::toString).containsAll(opened);
		for (Route route : this.routes.beyondSignIn()) {
			Response response = bearer.exchange(route.method(), route.path(), route.body());
			if (opened.contains(route.toString())) {
				assertThat(response.status()).as(route.toString()).isIn(400, 404);
			}
			else if (route.pattern().startsWith("/api/v1/datasets/{id}/uploads")) {
				assertThat(response.status()).as("uploads: %s", route).isIn(400, 404, 415);
			}
			else {
				assertThat(response.status()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void anAppsDeployTokenOpensOnlyAppVersionRegistrationAndDeployment() {
		ApiClient session = signedIn(this.users.enrolled("app-pipeline"));
		String token = session
			.post("/api/v1/me/tokens", "{\"name\": \"gha\", \"scopes\": [\"apps:deploy\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient bearer = api().withBearer(token);
		Set<String> opened = Set.of("POST /api/v1/apps/{name}/versions", "POST /api/v1/apps/{name}/deployments");
		assertThat(this.routes.all()).extracting(Route::toString).containsAll(opened);
		for (Route route : this.routes.beyondSignIn()) {
			Response response = bearer.exchange(route.method(), route.path(), route.body());
			if (opened.contains(route.toString())) {
				assertThat(response.status()).as(route.toString()).isIn(400, 404);
			}
			else {
				assertThat(response.status()).as(route.toString()).isEqualTo(403);
			}
		}
	}

	@Test
	void theAdminListOfAppsIsTheOnlyAppsPageForbiddenToAnAnalyst() {
		ApiClient analyst = signedIn(this.users.enrolled("not-apps-admin"));
		Response page = analyst.exchange("GET", "/admin/apps", null, "text/html");
		assertThat(page.status()).isEqualTo(403);
		assertThat(analyst.exchange("GET", "/apps", null, "text/html").status()).isEqualTo(200);
	}

	@Test
	void aTokenReachesOnlyTheRoutesItsScopesOpen() {
		ApiClient session = signedIn(this.users.enrolled("scoped"));
		String token = session
			.post("/api/v1/me/tokens", "{\"name\": \"profile\", \"scopes\": [\"profile:read\"], \"expiresInDays\": 7}")
			.json()
			.path("token")
			.asString();
		ApiClient bearer = api().withBearer(token);
		for (Route route : this.routes.beyondSignIn()) {
			Response response = bearer.exchange(route.method(), route.path(), route.body());
			int expected = route.toString().equals("GET /api/v1/me") ? 200 : 403;
			assertThat(response.status()).as(route.toString()).isEqualTo(expected);
		}
		for (String signInStep : List.of("/api/v1/auth/totp/verify", "/api/v1/auth/logout")) {
			assertThat(bearer.exchange("POST", signInStep, "{}").status()).as(signInStep).isEqualTo(403);
		}
	}

	@Test
	void aBadTokenIsRejectedWith401() {
		Response response = api().withBearer("apt_" + "x".repeat(43)).exchange("GET", "/api/v1/me", null);
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer error=\"invalid_token\"");
	}

}

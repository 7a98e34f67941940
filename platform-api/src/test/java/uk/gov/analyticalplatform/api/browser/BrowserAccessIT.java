package uk.gov.analyticalplatform.api.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import uk.gov.analyticalplatform.api.browser.BrowserRoutes.Route;
import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.toollauncher.Tool;
import uk.gov.analyticalplatform.toollauncher.ToolInstance;
import uk.gov.analyticalplatform.toollauncher.ToolInstances;
import uk.gov.analyticalplatform.toollauncher.ToolUser;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may reach which page of the control panel, checked over every route its controllers
 * map: the browser chain's counterpart of {@code ApiAccessIT}. Requests carry the
 * session's CSRF token, so that a refusal is the authorisation's and not the CSRF
 * check's.
 */
class BrowserAccessIT extends IdentityIntegrationTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mapping;

	@Autowired
	ToolInstances instances;

	BrowserRoutes routes;

	@BeforeEach
	void routes() {
		this.routes = BrowserRoutes.of(this.mapping);
		assertThat(this.routes.all()).extracting(Route::toString)
			.contains("GET /admin/audit", "POST /admin/audit/verify", "GET /admin/audit/export.csv", "GET /admin/users",
					"GET /data/datasets", "POST /sign-out");
	}

	@Test
	void everyPageButSignInSendsAnAnonymousBrowserToSignIn() {
		Session anonymous = new Session(this.port, new ApiClient(this.port), null);
		for (Route route : this.routes.all()) {
			if (BrowserRoutes.PUBLIC.contains(route.toString())) {
				continue;
			}
			HttpResponse<String> response = anonymous.send(route);
			assertThat(response.statusCode()).as(route.toString()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(route.toString()).hasValue("/sign-in");
		}
	}

	@Test
	void everyPageBeyondTheSignInStepsSendsASessionWithoutTheSecondFactorBackToIt() {
		Enrolled user = this.users.enrolled("half-signed-in");
		ApiClient client = api();
		assertThat(client.post("/api/v1/auth/login", login(user.username(), SignedInUsers.PASSWORD)).status())
			.isEqualTo(200);
		Session pending = Session.of(this.port, client, "/sign-in/two-factor");
		for (Route route : this.routes.beyondSignIn()) {
			HttpResponse<String> response = pending.send(route);
			assertThat(response.statusCode()).as(route.toString()).isEqualTo(302);
			assertThat(response.headers().firstValue("Location")).as(route.toString()).hasValue("/sign-in/two-factor");
		}
	}

	@Test
	void everyAdminPageIsForbiddenToAnAnalyst() {
		Enrolled user = this.users.enrolled("not-admin");
		Session analyst = Session.of(this.port, signedIn(user), "/");
		List<Route> adminRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/admin/"))
			.toList();
		assertThat(adminRoutes).extracting(Route::toString)
			.contains("GET /admin/audit", "POST /admin/audit/verify", "GET /admin/audit/export.csv")
			.contains("GET /admin/tools", "GET /admin/tools/releases/new", "POST /admin/tools/releases",
					"GET /admin/tools/releases/{id}", "POST /admin/tools/releases/{id}/status",
					"GET /admin/tools/profiles/new", "POST /admin/tools/profiles", "GET /admin/tools/profiles/{name}",
					"POST /admin/tools/profiles/{name}", "GET /admin/tools/instances",
					"POST /admin/tools/instances/{id}/stop");
		for (Route route : adminRoutes) {
			HttpResponse<String> response = analyst.send(route);
			assertThat(response.statusCode()).as(route.toString()).isEqualTo(403);
			assertThat(response.body()).as(route.toString())
				.contains("You cannot see this page")
				.doesNotContain("audit_event")
				.doesNotContain("id,seq,occurred_at");
		}
		assertThat(superuserQuery("SELECT action FROM audit_event WHERE actor_username = ? AND action LIKE 'audit.%'",
				user.username()))
			.as("the analyst neither verified nor exported the log")
			.isEmpty();
	}

	@Test
	void everyPageAndActionOfAnotherUsersToolIsNotFoundAndChangesNothing() {
		Enrolled owner = this.users.enrolled("page-tool-owner");
		ToolUser ownerTools = new ToolUser(owner.user().id(), owner.username(), Set.of(), false);
		ToolInstance theirs = this.instances.create(ownerTools, Tool.JUPYTERLAB, null, null);
		Session intruder = Session.of(this.port, signedIn(this.users.enrolled("page-tool-intruder")), "/tools");
		List<Route> toolRoutes = this.routes.all()
			.stream()
			.filter((route) -> route.pattern().startsWith("/tools/{id}"))
			.toList();
		assertThat(toolRoutes).extracting(Route::toString)
			.containsExactlyInAnyOrder("GET /tools/{id}/progress",
					"POST /tools/{id}/{action:start|stop|restart|reset|cancel}", "GET /tools/{id}/change",
					"POST /tools/{id}/change", "GET /tools/{id}/reset", "GET /tools/{id}/delete",
					"GET /tools/{id}/delete-home", "POST /tools/{id}/delete");
		String actions = "{action:start|stop|restart|reset|cancel}";
		for (Route route : toolRoutes) {
			String pattern = route.pattern().replace("{id}", theirs.id().toString());
			List<String> paths = pattern.contains(actions) ? Stream.of("start", "stop", "restart", "reset", "cancel")
				.map((action) -> pattern.replace(actions, action))
				.toList() : List.of(pattern);
			for (String path : paths) {
				HttpResponse<String> response = intruder.send(route.method(), path);
				assertThat(response.statusCode()).as(route.method() + " " + path).isEqualTo(404);
				assertThat(response.body()).as(path).contains("Page not found").doesNotContain(owner.username());
			}
		}
		Session session = Session.of(this.port, signedIn(owner), "/tools");
		assertThat(session.send("GET", "/tools/" + theirs.id() + "/change").statusCode()).as("the owner's own page")
			.isEqualTo(200);
		assertThat(this.instances.get(ownerTools, theirs.id()).wanted()).isEqualTo(ToolInstance.Wanted.RUNNING);
		assertThat(superuserQuery("SELECT action FROM audit_event WHERE target_id = ? ORDER BY id",
				theirs.id().toString()))
			.containsExactly("tool.started");
		this.instances.delete(ownerTools, theirs.id(), true);
	}

	/** A browser's session: its cookies and the CSRF token its pages carry. */
	private record Session(int port, ApiClient client, String csrf) {

		static Session of(int port, ApiClient client, String page) {
			HttpResponse<String> response = new Session(port, client, null).send("GET", page);
			Matcher token = CSRF.matcher(response.body());
			assertThat(token.find()).as("a CSRF token on " + page + ": " + response.body()).isTrue();
			return new Session(port, client, token.group(1));
		}

		HttpResponse<String> send(Route route) {
			return send(route.method(), route.path());
		}

		HttpResponse<String> send(String method, String path) {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
				.header("Accept", "text/html")
				.method(method, BodyPublishers.noBody());
			if (this.csrf != null) {
				request.header("X-CSRF-TOKEN", this.csrf);
			}
			try {
				return HttpClient.newBuilder()
					.cookieHandler(this.client.cookies())
					.build()
					.send(request.build(), BodyHandlers.ofString());
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}

	}

}

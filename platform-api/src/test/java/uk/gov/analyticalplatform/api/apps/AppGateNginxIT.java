package uk.gov.analyticalplatform.api.apps;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.ApiClient.Response;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers.Enrolled;
import uk.gov.analyticalplatform.api.support.TestTotp;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.testing.EchoUpstream;
import uk.gov.analyticalplatform.testing.TestNginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code /authz/apps} behind Debian's nginx, configured as ingress-nginx configures an
 * app's Ingress: the owner and a viewer pass with the identity headers once they have
 * been shown the availability notice (once per session), a stranger and an unknown app
 * get the same 403, a suspended viewer is refused, and nobody signed in is sent to sign
 * in.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AppGateNginxIT extends IdentityIntegrationTest {

	@Autowired
	Users identity;

	EchoUpstream upstream;

	TestNginx nginx;

	@BeforeAll
	void startProxy() {
		this.upstream = EchoUpstream.start();
		String control = "http://127.0.0.1:" + this.port;
		this.nginx = TestNginx.gate(control + "/authz/apps", control + "/authz/sign-in", this.upstream.port());
	}

	@AfterAll
	void stopProxy() {
		this.nginx.close();
		this.upstream.close();
	}

	@Test
	void theOwnerAndAViewerPassWithTheIdentityHeadersOnceTheyHaveReadTheNotice() throws Exception {
		Enrolled owner = this.users.enrolled("app-gate-owner");
		ApiClient ownerSession = signedIn(owner);
		String app = register(ownerSession);
		Enrolled viewer = this.users.enrolled("app-gate-viewer");
		addViewer(ownerSession, app, viewer.user().email());
		ApiClient viewerSession = signedIn(viewer);

		readNotice(ownerSession, app);
		readNotice(viewerSession, app);

		TestNginx.Response asOwner = throughProxy(app, "/dashboard", ownerSession);
		TestNginx.Response asViewer = throughProxy(app, "/dashboard", viewerSession);
		assertThat(asOwner.status()).as(this.nginx.errorLog()).isEqualTo(200);
		assertThat(asOwner.body()).startsWith("user=" + owner.username() + " ");
		assertThat(asViewer.status()).isEqualTo(200);
		assertThat(asViewer.body())
			.isEqualTo("user=" + viewer.username() + " email=" + viewer.user().email() + " path=/dashboard");
	}

	@Test
	void aViewerAddedByEmailBeforeTheyHaveAnAccountIsAdmittedAfterTheirFirstSignIn() throws Exception {
		ApiClient owner = signedIn(this.users.enrolled("early-owner"));
		String app = register(owner);
		String subject = "newcomer-" + System.nanoTime();
		String email = subject + "@justice.gov.uk";
		addViewer(owner, app, email);
		oidc.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT", List.of("analytical-platform"),
				Map.of("preferred_username", subject, "email", email, "name", "New Viewer"), 3600));
		ApiClient viewer = api();

		signInThroughProvider(viewer, "mock");
		String secret = viewer.post("/api/v1/auth/totp/enrolment", null).json().path("secret").asString();
		assertThat(viewer.post("/api/v1/auth/totp/enrolment/confirm", code(TestTotp.code(secret, this.clock.instant())))
			.status()).isEqualTo(200);
		readNotice(viewer, app);

		TestNginx.Response through = throughProxy(app, "/report", viewer);
		assertThat(through.status()).as(this.nginx.errorLog()).isEqualTo(200);
		assertThat(through.body()).isEqualTo("user=" + subject + " email=" + email + " path=/report");
	}

	@Test
	void theNoticeStandsInFrontOfTheAppOncePerSession() throws Exception {
		ApiClient owner = signedIn(this.users.enrolled("notice-owner"));
		String app = register(owner);
		Enrolled viewer = this.users.enrolled("notice-viewer");
		addViewer(owner, app, viewer.user().email());
		ApiClient session = signedIn(viewer);
		String original = "http://" + host(app) + "/";

		TestNginx.Response first = throughProxy(app, "/", session);
		assertThat(first.status()).isEqualTo(302);
		HttpResponse<String> toNotice = session.http().send(get(first.header("Location")), BodyHandlers.ofString());
		assertThat(toNotice.headers().firstValue("Location"))
			.hasValue("/apps/notice?rd=" + URLEncoder.encode(original, StandardCharsets.UTF_8));
		HttpResponse<String> notice = session.http()
			.send(get("http://127.0.0.1:" + this.port + toNotice.headers().firstValue("Location").orElseThrow()),
					BodyHandlers.ofString());
		assertThat(notice.body()).contains("available about 95% of the time").contains("office hours");
		HttpResponse<String> onwards = session.http()
			.send(form("/apps/notice",
					"rd=" + URLEncoder.encode(original, StandardCharsets.UTF_8) + "&_csrf=" + csrf(notice.body())),
					BodyHandlers.ofString());
		assertThat(onwards.headers().firstValue("Location")).hasValue(original);

		assertThat(throughProxy(app, "/", session).status()).isEqualTo(200);
		assertThat(throughProxy(app, "/again", session).status()).isEqualTo(200);
		assertThat(throughProxy(app, "/", signedIn(viewer)).status()).as("a new session").isEqualTo(302);
	}

	@Test
	void aSessionThatReadOneAppsNoticeIsStillShownAnothersOnce() throws Exception {
		ApiClient owner = signedIn(this.users.enrolled("two-apps-owner"));
		String first = register(owner);
		String second = register(owner);
		Enrolled viewer = this.users.enrolled("two-apps-viewer");
		addViewer(owner, first, viewer.user().email());
		addViewer(owner, second, viewer.user().email());
		ApiClient session = signedIn(viewer);
		readNotice(session, first);
		assertThat(throughProxy(first, "/", session).status()).isEqualTo(200);

		assertThat(throughProxy(second, "/", session).status()).as("the second app's notice").isEqualTo(302);
		readNotice(session, second);
		assertThat(throughProxy(second, "/", session).status()).isEqualTo(200);
		assertThat(throughProxy(first, "/", session).status()).isEqualTo(200);
	}

	@Test
	void aStrangerAndAnUnknownAppGetTheSameForbiddenAnswer() throws Exception {
		ApiClient owner = signedIn(this.users.enrolled("private-owner"));
		String app = register(owner);
		ApiClient stranger = signedIn(this.users.enrolled("app-stranger"));

		TestNginx.Response someoneElses = throughProxy(app, "/", stranger);
		TestNginx.Response nobodys = throughProxy("no-such-app", "/", stranger);

		assertThat(someoneElses.status()).isEqualTo(403);
		assertThat(nobodys.status()).isEqualTo(403);
		assertThat(someoneElses.body()).isEqualTo(nobodys.body());
	}

	@Test
	void aSuspendedViewerIsRefused() throws Exception {
		ApiClient owner = signedIn(this.users.enrolled("suspender"));
		String app = register(owner);
		Enrolled viewer = this.users.enrolled("app-suspended");
		addViewer(owner, app, viewer.user().email());
		ApiClient session = signedIn(viewer);
		readNotice(session, app);
		assertThat(throughProxy(app, "/", session).status()).isEqualTo(200);

		this.identity.update(this.users.admin().id(), viewer.username(), new UserChange(null, true));

		await().atMost(Duration.ofSeconds(10)).until(() -> throughProxy(app, "/", session).status() == 403);
	}

	@Test
	void nobodySignedInIsSentToSignInAndBack() {
		ApiClient owner = signedIn(this.users.enrolled("anon-owner"));
		String app = register(owner);

		TestNginx.Response anonymous = throughProxy(app, "/reports", api());

		assertThat(anonymous.status()).isEqualTo(302);
		assertThat(anonymous.header("Location"))
			.isEqualTo("http://127.0.0.1:" + this.port + "/authz/sign-in?rd=http://" + host(app) + "/reports");
	}

	private String register(ApiClient session) {
		String name = "gate-" + UUID.randomUUID().toString().substring(0, 8);
		Response created = session.post("/api/v1/apps", """
				{"name": "%s", "repositoryUrl": "https://github.com/moj/%s", "imageRepository": "ghcr.io/moj/%s"}"""
			.formatted(name, name, name));
		assertThat(created.status()).as(created.toString()).isEqualTo(201);
		return name;
	}

	private void addViewer(ApiClient owner, String app, String email) {
		assertThat(owner.post("/api/v1/apps/" + app + "/viewers", "{\"email\": \"" + email + "\"}").status())
			.isEqualTo(200);
	}

	/** The session is shown the app's notice and continues. */
	private void readNotice(ApiClient session, String app) throws IOException, InterruptedException {
		String original = URLEncoder.encode("http://" + host(app) + "/", StandardCharsets.UTF_8);
		HttpResponse<String> notice = session.http()
			.send(get("http://127.0.0.1:" + this.port + "/apps/notice?rd=" + original), BodyHandlers.ofString());
		assertThat(notice.statusCode()).isEqualTo(200);
		HttpResponse<String> onwards = session.http()
			.send(form("/apps/notice", "rd=" + original + "&_csrf=" + csrf(notice.body())), BodyHandlers.ofString());
		assertThat(onwards.statusCode()).isEqualTo(302);
	}

	private TestNginx.Response throughProxy(String app, String path, ApiClient session) {
		return this.nginx.get(host(app), path, session.cookieHeader());
	}

	private static String host(String app) {
		return app + ".apps.test";
	}

	private static HttpRequest get(String url) {
		return HttpRequest.newBuilder(URI.create(url)).build();
	}

	private HttpRequest form(String path, String body) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
	}

	private static String csrf(String page) {
		int at = page.indexOf("name=\"_csrf\"");
		int value = page.indexOf("value=\"", at) + 7;
		return URLEncoder.encode(page.substring(value, page.indexOf('"', value)), StandardCharsets.UTF_8);
	}

}

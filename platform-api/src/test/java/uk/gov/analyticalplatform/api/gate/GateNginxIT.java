package uk.gov.analyticalplatform.api.gate;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;

import uk.gov.analyticalplatform.api.observability.RequestIdFilter;
import uk.gov.analyticalplatform.api.support.ApiClient;
import uk.gov.analyticalplatform.api.support.IdentityIntegrationTest;
import uk.gov.analyticalplatform.api.support.SignedInUsers;
import uk.gov.analyticalplatform.identity.UserChange;
import uk.gov.analyticalplatform.identity.Users;
import uk.gov.analyticalplatform.testing.EchoUpstream;
import uk.gov.analyticalplatform.testing.TestNginx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gate's generic mechanics behind Debian's nginx, configured as ingress-nginx
 * configures an Ingress with {@code auth-url}: the owner passes with the identity
 * headers, anyone else and any unknown host get the same 403, nobody signed in is sent to
 * sign-in and back, a suspended user is refused, an asleep host is woken through sign-in,
 * and the activity reaches the area in a batch.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GateNginxIT extends IdentityIntegrationTest {

	@Autowired
	TestGatedArea area;

	@Autowired
	ActivityRecorder activity;

	@Autowired
	Users identity;

	@Autowired
	GateProperties properties;

	EchoUpstream upstream;

	TestNginx nginx;

	@BeforeAll
	void startProxy() {
		this.upstream = EchoUpstream.start();
		String app = "http://127.0.0.1:" + this.port;
		this.nginx = TestNginx.gate(app + "/authz/test-area", app + "/authz/sign-in", this.upstream.port());
	}

	@AfterAll
	void stopProxy() {
		this.nginx.close();
		this.upstream.close();
	}

	@Test
	void theOwnerPassesWithTheIdentityHeadersAndTheRequestCountsAsActivity() {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-owner");
		ApiClient session = signedIn(owner);

		TestNginx.Response response = throughProxy(TestGatedArea.host(owner.username()), "/lab/tree", session);

		assertThat(response.status()).as(this.nginx.errorLog()).isEqualTo(200);
		assertThat(response.body())
			.isEqualTo("user=" + owner.username() + " email=" + owner.user().email() + " path=/lab/tree");
		this.activity.flush();
		assertThat(this.area.activity).containsKey("thing-of-" + owner.username());
	}

	@Test
	void anotherUserAndAnUnknownHostGetTheSameForbiddenAnswer() {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-owner");
		ApiClient other = signedIn(this.users.enrolled("gate-other"));

		TestNginx.Response someoneElses = throughProxy(TestGatedArea.host(owner.username()), "/", other);
		TestNginx.Response nobodys = throughProxy(TestGatedArea.host("no-such-user"), "/", other);

		assertThat(someoneElses.status()).isEqualTo(403);
		assertThat(nobodys.status()).isEqualTo(403);
		assertThat(someoneElses.body()).isEqualTo(nobodys.body());
	}

	@Test
	void nobodySignedInIsSentToSignInAndBackToTheTool() throws IOException, InterruptedException {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-owner");
		String host = TestGatedArea.host(owner.username());

		TestNginx.Response anonymous = throughProxy(host, "/lab", api());

		assertThat(anonymous.status()).isEqualTo(302);
		String signIn = anonymous.header("Location");
		String original = "http://" + host + "/lab";
		assertThat(signIn).isEqualTo("http://127.0.0.1:" + this.port + "/authz/sign-in?rd=" + original);

		// the browser follows: not signed in, so it is sent to the sign-in page, and
		// after
		// both factors it comes back through the gate's sign-in to the original URL
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder().cookieHandler(cookies).build();
		HttpResponse<String> toSignIn = browser.send(get(signIn), BodyHandlers.ofString());
		assertThat(toSignIn.statusCode()).isEqualTo(302);
		assertThat(toSignIn.headers().firstValue("Location")).hasValue("/sign-in");
		ApiClient session = new ApiClient(this.port, cookies);
		assertThat(session.post("/api/v1/auth/login", login(owner.username(), SignedInUsers.PASSWORD)).status())
			.isEqualTo(200);
		HttpResponse<String> twoFactor = browser.send(
				form("/sign-in/two-factor", "code=" + freshCode(owner.secret()) + "&_csrf=" + csrf(browser)),
				BodyHandlers.ofString());
		assertThat(twoFactor.statusCode()).isEqualTo(302);
		assertThat(twoFactor.headers().firstValue("Location").orElseThrow())
			.endsWith("/authz/sign-in?rd=" + URLEncoder.encode(original, StandardCharsets.UTF_8));
		HttpResponse<String> back = browser.send(
				get("http://127.0.0.1:" + this.port + twoFactor.headers().firstValue("Location").orElseThrow()),
				BodyHandlers.ofString());
		assertThat(back.headers().firstValue("Location")).hasValue(original);
	}

	@Test
	void aSuspendedUserIsRefused() {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-suspended");
		ApiClient session = signedIn(owner);
		String host = TestGatedArea.host(owner.username());
		assertThat(throughProxy(host, "/", session).status()).isEqualTo(200);

		this.identity.update(this.users.admin().id(), owner.username(), new UserChange(null, true));

		await().atMost(revocationBound()).until(() -> throughProxy(host, "/", session).status() == 403);
	}

	@Test
	void aSignedOutSessionStopsPassingWithinTheRevocationBound() {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-signing-out");
		ApiClient session = signedIn(owner);
		String host = TestGatedArea.host(owner.username());
		String cookie = session.cookieHeader();
		assertThat(this.nginx.get(host, "/", cookie).status()).isEqualTo(200);

		assertThat(session.post("/api/v1/auth/logout", null).status()).isEqualTo(204);

		// the browser forgets the cookie; someone who kept a copy is sent to sign in
		await().atMost(revocationBound()).until(() -> this.nginx.get(host, "/", cookie).status() == 302);
	}

	@Test
	void signingOutEverywhereEndsEverySessionAtTheGateWithinTheRevocationBound() {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-everywhere");
		ApiClient first = signedIn(owner);
		ApiClient second = signedIn(owner);
		String host = TestGatedArea.host(owner.username());
		assertThat(throughProxy(host, "/", first).status()).isEqualTo(200);
		assertThat(throughProxy(host, "/", second).status()).isEqualTo(200);

		assertThat(second.post("/api/v1/auth/logout", "{\"everywhere\": true}").status()).isEqualTo(204);

		await().atMost(revocationBound()).until(() -> throughProxy(host, "/", first).status() == 302);
	}

	@Test
	void theGateAnswersBeforeEveryOtherFilter() {
		ApiClient session = signedIn(this.users.enrolled("gate-first"));

		ApiClient.Response gate = session.get("/authz/test-area");
		ApiClient.Response signIn = session.get("/authz/sign-in?rd=http://elsewhere.invalid/");

		assertThat(gate.status()).as("no original request: nothing to decide on").isEqualTo(403);
		assertThat(gate.raw().headers().firstValue(RequestIdFilter.HEADER)).as("before the request id").isEmpty();
		assertThat(signIn.raw().headers().firstValue(RequestIdFilter.HEADER)).as("sign-in: the whole chain")
			.isPresent();
	}

	@Test
	void aSessionCookieTheApplicationNeverIssuedIsNotSignedIn() {
		String forged = "PLATFORM_SESSION=" + java.util.Base64.getEncoder()
			.encodeToString(java.util.UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));

		TestNginx.Response response = this.nginx.get(TestGatedArea.host("gate-owner"), "/", forged);

		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).contains("/authz/sign-in?rd=");
	}

	@Test
	void anAsleepHostIsWokenThroughSignIn() throws IOException, InterruptedException {
		SignedInUsers.Enrolled owner = this.users.enrolled("gate-sleeper");
		ApiClient session = signedIn(owner);
		String host = TestGatedArea.host(owner.username());
		this.area.asleep.add(owner.username());

		TestNginx.Response asleep = throughProxy(host, "/lab", session);
		assertThat(asleep.status()).isEqualTo(302);
		String signIn = asleep.header("Location");
		HttpResponse<String> waking = session.http().send(get(signIn), BodyHandlers.ofString());

		assertThat(waking.statusCode()).isEqualTo(302);
		assertThat(waking.headers().firstValue("Location"))
			.hasValue("/test-area/waking?rd=" + URLEncoder.encode("http://" + host + "/lab", StandardCharsets.UTF_8));
		assertThat(this.area.asleep).doesNotContain(owner.username());
		assertThat(throughProxy(host, "/lab", session).status()).isEqualTo(200);
	}

	@Test
	void signInNeverReturnsToAHostOutsideTheGatedAreas() throws IOException, InterruptedException {
		ApiClient session = signedIn(this.users.enrolled("gate-owner"));

		HttpResponse<String> elsewhere = session.http()
			.send(get("http://127.0.0.1:" + this.port + "/authz/sign-in?rd=https://evil.example/"),
					BodyHandlers.ofString());

		assertThat(elsewhere.statusCode()).isEqualTo(400);
	}

	/**
	 * The documented bound ({@code platform.gate.user-cache-ttl}), with a margin for the
	 * round trips through nginx.
	 */
	private Duration revocationBound() {
		return this.properties.userCacheTtl().plusSeconds(2);
	}

	private TestNginx.Response throughProxy(String host, String path, ApiClient session) {
		return this.nginx.get(host, path, session.cookieHeader());
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

	private String csrf(HttpClient browser) throws IOException, InterruptedException {
		String page = browser
			.send(get("http://127.0.0.1:" + this.port + "/sign-in/two-factor"), BodyHandlers.ofString())
			.body();
		int at = page.indexOf("name=\"_csrf\"");
		int value = page.indexOf("value=\"", at) + 7;
		return page.substring(value, page.indexOf('"', value));
	}

}

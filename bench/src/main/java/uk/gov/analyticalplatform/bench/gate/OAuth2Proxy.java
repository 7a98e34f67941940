package uk.gov.analyticalplatform.bench.gate;

import java.io.File;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.awaitility.Awaitility;

import uk.gov.analyticalplatform.bench.app.PlatformApp;

/**
 * oauth2-proxy (the binary {@code scripts/oauth2-proxy.sh} builds) as a gate in front of
 * nothing ({@code static://202}), against the in-JVM OIDC provider the tests use
 * (mock-oauth2-server), with cookie sessions; {@link #signIn} signs a user in through the
 * real authorization code flow and returns the session cookie a browser would send.
 */
final class OAuth2Proxy implements AutoCloseable {

	static final String CLIENT_ID = "gate-bench";

	private static final String ISSUER = "default";

	private final Process process;

	private final int port;

	private final MockOAuth2Server oidc;

	private OAuth2Proxy(Process process, int port, MockOAuth2Server oidc) {
		this.process = process;
		this.port = port;
		this.oidc = oidc;
	}

	/**
	 * Starts oauth2-proxy and waits until it answers.
	 * @param allowedEmails the only emails let through
	 * ({@code --authenticated-emails-file}), or empty for any signed-in user
	 * ({@code --email-domain=*})
	 */
	static OAuth2Proxy start(String binary, MockOAuth2Server oidc, List<String> allowedEmails) throws Exception {
		int port = PlatformApp.freePort();
		List<String> command = new ArrayList<>(List.of(binary, "--http-address=127.0.0.1:" + port, "--provider=oidc",
				"--oidc-issuer-url=" + oidc.issuerUrl(ISSUER), "--client-id=" + CLIENT_ID,
				"--client-secret=not-a-secret", "--cookie-secret=0123456789abcdef0123456789abcdef",
				"--cookie-secure=false", "--upstream=static://202",
				"--redirect-url=http://127.0.0.1:" + port + "/oauth2/callback", "--skip-provider-button=true",
				"--code-challenge-method=S256", "--request-logging=false", "--auth-logging=false",
				"--standard-logging=false"));
		if (allowedEmails.isEmpty()) {
			command.add("--email-domain=*");
		}
		else {
			Path emails = Files.createTempFile("oauth2-proxy-emails", ".txt");
			emails.toFile().deleteOnExit();
			Files.write(emails, allowedEmails);
			command.add("--authenticated-emails-file=" + emails);
		}
		Process process = new ProcessBuilder(command).redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.appendTo(new File("bench/target/oauth2-proxy.log")))
			.start();
		OAuth2Proxy proxy = new OAuth2Proxy(process, port, oidc);
		proxy.awaitReady();
		return proxy;
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	/**
	 * Signs the user in: {@code /oauth2/start}, the provider's authorization endpoint,
	 * the callback with the code; returns the {@code Cookie} header of the session.
	 */
	String signIn(String email) throws Exception {
		this.oidc.enqueueCallback(new DefaultOAuth2TokenCallback(ISSUER, email, "JWT", List.of(CLIENT_ID),
				Map.of("email", email, "email_verified", true, "preferred_username", email), 3600));
		CookieManager cookies = new CookieManager();
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(cookies)
			.followRedirects(HttpClient.Redirect.NEVER)
			.build();
		URI next = uri("/oauth2/start?rd=%2F");
		for (int hop = 0; hop < 5 && next != null; hop++) {
			HttpResponse<String> response = browser.send(HttpRequest.newBuilder(next).build(), BodyHandlers.ofString());
			next = response.headers().firstValue("Location").map(next::resolve).orElse(null);
			if (next != null && next.getPath().equals("/")) {
				break;
			}
		}
		String session = cookies.getCookieStore()
			.getCookies()
			.stream()
			.filter((cookie) -> cookie.getName().startsWith("_oauth2_proxy") && !cookie.getName().endsWith("_csrf"))
			.map((cookie) -> cookie.getName() + "=" + cookie.getValue())
			.collect(Collectors.joining("; "));
		if (session.isEmpty()) {
			throw new IllegalStateException("oauth2-proxy set no session cookie; see bench/target/oauth2-proxy.log");
		}
		return session;
	}

	private void awaitReady() {
		HttpClient client = HttpClient.newHttpClient();
		Awaitility.await("oauth2-proxy answering /ping")
			.atMost(Duration.ofSeconds(30))
			.pollInterval(Duration.ofMillis(100))
			.ignoreExceptionsInstanceOf(java.io.IOException.class)
			.until(() -> {
				if (!this.process.isAlive()) {
					throw new IllegalStateException("oauth2-proxy ended; see bench/target/oauth2-proxy.log");
				}
				return client
					.send(HttpRequest.newBuilder(uri("/ping")).timeout(Duration.ofSeconds(1)).build(),
							BodyHandlers.discarding())
					.statusCode() == 200;
			});
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		this.process.waitFor(10, TimeUnit.SECONDS);
	}

}

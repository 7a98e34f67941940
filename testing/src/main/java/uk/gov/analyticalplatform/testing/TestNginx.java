package uk.gov.analyticalplatform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx ({@code scripts/services.sh} installs the package {@code nginx-light})
 * started on loopback by a test, with a configuration the test generates, in one process
 * of its own ({@code master_process off}) under a temporary prefix; closing it stops it.
 * {@link #gate} writes the configuration ingress-nginx writes for an Ingress with
 * {@code auth-url}, {@code auth-signin} and {@code auth-response-headers}.
 */
public final class TestNginx implements AutoCloseable {

	/** Where Debian installs nginx. */
	public static final Path BINARY = Path.of("/usr/sbin/nginx");

	private final Process process;

	private final Path prefix;

	private final int port;

	private TestNginx(Process process, Path prefix, int port) {
		this.process = process;
		this.prefix = prefix;
		this.port = port;
	}

	/**
	 * Starts nginx with these directives inside its {@code http} block; {@code %PORT%}
	 * stands for the port it listens on (on 127.0.0.1).
	 */
	public static TestNginx start(String httpDirectives) {
		if (!Files.isExecutable(BINARY)) {
			throw new IllegalStateException(BINARY + " is missing: run scripts/services.sh start (it installs the "
					+ "Debian package nginx-light)");
		}
		try {
			Path prefix = Files.createTempDirectory("test-nginx");
			Files.createDirectories(prefix.resolve("logs"));
			int port = freePort();
			String config = """
					daemon off;
					master_process off;
					worker_processes 1;
					pid %PREFIX%/nginx.pid;
					error_log %PREFIX%/logs/error.log warn;
					events { worker_connections 1024; }
					http {
					  access_log off;
					  client_body_temp_path %PREFIX%/body;
					  proxy_temp_path %PREFIX%/proxy;
					  fastcgi_temp_path %PREFIX%/fastcgi;
					  uwsgi_temp_path %PREFIX%/uwsgi;
					  scgi_temp_path %PREFIX%/scgi;
					%HTTP%
					}
					""".replace("%HTTP%", httpDirectives)
				.replace("%PREFIX%", prefix.toString())
				.replace("%PORT%", Integer.toString(port));
			Path file = prefix.resolve("nginx.conf");
			Files.writeString(file, config);
			Process process = new ProcessBuilder(BINARY.toString(), "-p", prefix.toString(), "-c", file.toString(),
					"-e", prefix.resolve("logs/error.log").toString())
				.redirectErrorStream(true)
				.redirectOutput(prefix.resolve("logs/console.log").toFile())
				.start();
			TestNginx nginx = new TestNginx(process, prefix, port);
			nginx.awaitListening();
			return nginx;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * nginx as ingress-nginx configures it for an Ingress with external auth: every
	 * request first asks {@code authUrl} (a subrequest carrying the client's headers,
	 * cookies included, and {@code X-Original-URL}); 2xx passes the request to the
	 * upstream with the identity headers the gate answered, 401 sends the browser to
	 * {@code signInUrl?rd=<original URL>}, 403 is answered as is.
	 * @param authUrl the gate, such as {@code http://127.0.0.1:8080/authz/tools}
	 * @param signInUrl where a browser signs in, such as
	 * {@code http://127.0.0.1:8080/authz/sign-in}
	 * @param upstreamPort the tool's port on 127.0.0.1
	 */
	public static TestNginx gate(String authUrl, String signInUrl, int upstreamPort) {
		return start("""
				  server {
				    listen 127.0.0.1:%PORT%;
				    server_name _;
				    location = /_external-auth {
				      internal;
				      proxy_pass_request_body off;
				      proxy_set_header Content-Length "";
				      proxy_set_header X-Original-URL $scheme://$http_host$request_uri;
				      proxy_set_header X-Original-Method $request_method;
				      proxy_set_header X-Forwarded-Host $http_host;
				      proxy_pass AUTH_URL;
				    }
				    location / {
				      auth_request /_external-auth;
				      auth_request_set $auth_user $upstream_http_x_auth_request_user;
				      auth_request_set $auth_email $upstream_http_x_auth_request_email;
				      proxy_set_header X-Auth-Request-User $auth_user;
				      proxy_set_header X-Auth-Request-Email $auth_email;
				      proxy_set_header Host $http_host;
				      error_page 401 = @signin;
				      proxy_pass http://127.0.0.1:UPSTREAM_PORT;
				    }
				    location @signin {
				      return 302 SIGN_IN_URL?rd=$scheme://$http_host$request_uri;
				    }
				  }
				""".replace("AUTH_URL", authUrl)
			.replace("SIGN_IN_URL", signInUrl)
			.replace("UPSTREAM_PORT", Integer.toString(upstreamPort)));
	}

	public int port() {
		return this.port;
	}

	/**
	 * Sends {@code GET path} to nginx as a request for {@code host} (a tool's host, which
	 * resolves nowhere), with the given {@code Cookie} header unless blank.
	 */
	public Response get(String host, String path, String cookie) {
		StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.0\r\nHost: " + host + "\r\n");
		if (cookie != null && !cookie.isBlank()) {
			request.append("Cookie: ").append(cookie).append("\r\n");
		}
		request.append("\r\n");
		try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), this.port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
			return Response.parse(new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * An answer from nginx.
	 *
	 * @param status the status code
	 * @param headers the headers, by lower-case name (the last of each)
	 * @param body the body
	 */
	public record Response(int status, Map<String, String> headers, String body) {

		static Response parse(String raw) {
			int end = raw.indexOf("\r\n\r\n");
			String[] lines = raw.substring(0, end).split("\r\n");
			Map<String, String> headers = new LinkedHashMap<>();
			for (int i = 1; i < lines.length; i++) {
				int colon = lines[i].indexOf(':');
				headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
						lines[i].substring(colon + 1).trim());
			}
			return new Response(Integer.parseInt(lines[0].split(" ")[1]), headers, raw.substring(end + 4));
		}

		/** A header's value, or {@code null}. */
		public String header(String name) {
			return this.headers.get(name.toLowerCase(Locale.ROOT));
		}

	}

	/** nginx's error log so far, for a failing test's message. */
	public String errorLog() {
		try {
			return Files.readString(this.prefix.resolve("logs/error.log"));
		}
		catch (IOException ex) {
			return "(no error log: " + ex.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		this.process.destroy();
		try {
			if (!this.process.waitFor(10, TimeUnit.SECONDS)) {
				this.process.destroyForcibly();
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitListening() throws IOException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
		while (Instant.now().isBefore(deadline)) {
			if (!this.process.isAlive()) {
				throw new IllegalStateException("nginx exited: " + errorLog() + "\n"
						+ Files.readString(this.prefix.resolve("logs/console.log")));
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", this.port), 200);
				return;
			}
			catch (IOException notYet) {
				Thread.onSpinWait();
			}
		}
		close();
		throw new IllegalStateException("nginx did not listen within 10 s: " + errorLog());
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}

package uk.gov.analyticalplatform.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/**
 * A tiny upstream on loopback standing in for a tool or app behind a proxy: it answers
 * every request 200 with a text body that names the identity headers the proxy passed
 * ({@code user=<X-Auth-Request-User> email=<X-Auth-Request-Email> path=<path>}).
 */
public final class EchoUpstream implements AutoCloseable {

	private final HttpServer server;

	private EchoUpstream(HttpServer server) {
		this.server = server;
	}

	public static EchoUpstream start() {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
			server.setExecutor(Executors.newFixedThreadPool(4));
			server.createContext("/", (exchange) -> {
				String body = "user=" + exchange.getRequestHeaders().getFirst("X-Auth-Request-User") + " email="
						+ exchange.getRequestHeaders().getFirst("X-Auth-Request-Email") + " path="
						+ exchange.getRequestURI().getPath();
				byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
				exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
				exchange.sendResponseHeaders(200, bytes.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(bytes);
				}
			});
			server.start();
			return new EchoUpstream(server);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	public int port() {
		return this.server.getAddress().getPort();
	}

	@Override
	public void close() {
		this.server.stop(0);
	}

}

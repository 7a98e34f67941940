package uk.gov.analyticalplatform.dataaccess.internal.aws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A loopback proxy in front of the AWS emulator: it records every call the SDK makes and
 * answers chosen ones as AWS answers a throttled call (IAM and STS: 400
 * {@code Throttling} in the query protocol's XML; S3: 503 {@code SlowDown}; the JSON
 * services: 400 {@code ThrottlingException}), passing everything else through.
 */
final class AwsFaultProxy implements AutoCloseable {

	private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "date", "expect", "host",
			"transfer-encoding", "upgrade");

	private final HttpServer server;

	private final ExecutorService threads;

	private final String target;

	private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	private final List<Call> calls = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> throttles = new ConcurrentHashMap<>();

	private AwsFaultProxy(HttpServer server, ExecutorService threads, String target) {
		this.server = server;
		this.threads = threads;
		this.target = target.replaceAll("/+$", "");
	}

	/** Starts a proxy on a spare loopback port that forwards to the endpoint. */
	static AwsFaultProxy start(String endpoint) {
		try {
			HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
			ExecutorService threads = Executors.newCachedThreadPool((task) -> {
				Thread thread = new Thread(task, "aws-fault-proxy");
				thread.setDaemon(true);
				return thread;
			});
			AwsFaultProxy proxy = new AwsFaultProxy(server, threads, endpoint);
			server.createContext("/", proxy::handle);
			server.setExecutor(threads);
			server.start();
			return proxy;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String endpoint() {
		return "http://" + this.server.getAddress().getHostString() + ":" + this.server.getAddress().getPort();
	}

	/**
	 * Throttles the next calls of the action.
	 * @param service the signing name: {@code iam}, {@code s3}, {@code glue}...
	 * @param action the query or JSON action ({@code CreateRole}), or for S3 the method
	 * and path ({@code PUT /bucket})
	 * @param times how many calls, or {@link Integer#MAX_VALUE} for all
	 */
	void throttle(String service, String action, int times) {
		this.throttles.put(service + " " + action, new AtomicInteger(times));
	}

	void stopThrottling() {
		this.throttles.clear();
	}

	/** Every call so far, in the order they arrived. */
	List<Call> calls() {
		return List.copyOf(this.calls);
	}

	/**
	 * The calls so far of the action that mention the text (a role's or bucket's name).
	 */
	List<Call> calls(String service, String action, String mentioning) {
		return this.calls.stream()
			.filter((call) -> call.is(service, action) && call.request().contains(mentioning))
			.toList();
	}

	@Override
	public void close() {
		this.server.stop(0);
		this.threads.shutdownNow();
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (exchange) {
			byte[] body = exchange.getRequestBody().readAllBytes();
			String request = exchange.getRequestURI() + " " + new String(body, StandardCharsets.UTF_8);
			String service = service(exchange.getRequestHeaders().getFirst("Authorization"));
			String action = action(exchange, body);
			AtomicInteger remaining = this.throttles.get(service + " " + action);
			boolean throttled = remaining != null && remaining.getAndUpdate((n) -> Math.max(n - 1, 0)) > 0;
			this.calls.add(new Call(service, action, request, Instant.now(), throttled));
			if (throttled) {
				throttled(exchange, service);
			}
			else {
				forward(exchange, body);
			}
		}
	}

	private void forward(HttpExchange exchange, byte[] body) throws IOException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.target + exchange.getRequestURI()))
			.method(exchange.getRequestMethod(),
					(body.length > 0) ? BodyPublishers.ofByteArray(body) : BodyPublishers.noBody());
		exchange.getRequestHeaders()
			.forEach((name, values) -> values.stream()
				.filter((value) -> !HOP_BY_HOP.contains(name.toLowerCase()))
				.forEach((value) -> request.header(name, value)));
		HttpResponse<byte[]> response;
		try {
			response = this.client.send(request.build(), BodyHandlers.ofByteArray());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException(ex);
		}
		Headers headers = exchange.getResponseHeaders();
		response.headers()
			.map()
			.forEach((name, values) -> values.stream()
				.filter((value) -> !HOP_BY_HOP.contains(name.toLowerCase()))
				.forEach((value) -> headers.add(name, value)));
		boolean noBody = "HEAD".equals(exchange.getRequestMethod()) || response.body().length == 0;
		exchange.sendResponseHeaders(response.statusCode(), noBody ? -1 : response.body().length);
		if (!noBody) {
			exchange.getResponseBody().write(response.body());
		}
	}

	private static void throttled(HttpExchange exchange, String service) throws IOException {
		String requestId = UUID.randomUUID().toString();
		String body;
		int status;
		if ("iam".equals(service) || "sts".equals(service)) {
			status = 400;
			exchange.getResponseHeaders().add("Content-Type", "text/xml");
			body = "<ErrorResponse xmlns=\"https://" + service + ".amazonaws.com/doc/\"><Error><Type>Sender</Type>"
					+ "<Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>" + requestId
					+ "</RequestId></ErrorResponse>";
		}
		else if ("s3".equals(service)) {
			status = 503;
			exchange.getResponseHeaders().add("Content-Type", "application/xml");
			body = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>SlowDown</Code>"
					+ "<Message>Please reduce your request rate.</Message><RequestId>" + requestId
					+ "</RequestId></Error>";
		}
		else {
			status = 400;
			exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
			exchange.getResponseHeaders().add("x-amzn-ErrorType", "ThrottlingException");
			exchange.getResponseHeaders().add("x-amzn-RequestId", requestId);
			body = "{\"__type\":\"ThrottlingException\",\"message\":\"Rate exceeded\"}";
		}
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
	}

	/**
	 * The service a SigV4 signature is scoped to:
	 * {@code Credential=key/date/region/service/...}.
	 */
	private static String service(String authorization) {
		if (authorization == null || !authorization.contains("Credential=")) {
			return "unsigned";
		}
		String[] scope = authorization.substring(authorization.indexOf("Credential=") + 11).split("/");
		return (scope.length > 3) ? scope[3] : "unsigned";
	}

	private static String action(HttpExchange exchange, byte[] body) {
		String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
		if (target != null) {
			return target.substring(target.lastIndexOf('.') + 1);
		}
		String type = exchange.getRequestHeaders().getFirst("Content-Type");
		if (type != null && type.startsWith("application/x-www-form-urlencoded")) {
			for (String pair : new String(body, StandardCharsets.UTF_8).split("&")) {
				if (pair.startsWith("Action=")) {
					return URLDecoder.decode(pair.substring(7), StandardCharsets.UTF_8);
				}
			}
		}
		return exchange.getRequestMethod() + " " + exchange.getRequestURI();
	}

	/**
	 * A call the proxy saw.
	 *
	 * @param service the signing name
	 * @param action the action, or for REST services method and path
	 * @param request the request's path, query and body, to find the calls about a
	 * resource
	 * @param at when it arrived
	 * @param throttled whether the proxy throttled it rather than passing it on
	 */
	record Call(String service, String action, String request, Instant at, boolean throttled) {

		boolean is(String service, String action) {
			return this.service.equals(service) && this.action.equals(action);
		}

	}

}

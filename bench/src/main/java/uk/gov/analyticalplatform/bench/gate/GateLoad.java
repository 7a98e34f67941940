package uk.gov.analyticalplatform.bench.gate;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The driver of the gate benchmarks: {@code clients} concurrent clients, each with one
 * keep-alive HTTP/1.1 connection of its own, send the same authorisation subrequest back
 * to back (closed loop, as an ingress controller's {@code auth_request} does for each
 * request it serves) for a warm-up and then a measured period. Reports throughput and
 * latency percentiles from every measured request (exact: sorted arrays, not a
 * histogram). Whatever answers: oauth2-proxy's {@code /oauth2/auth}, our
 * {@code /authz/tools} and {@code /authz/apps}, or any URL with a session cookie.
 */
final class GateLoad {

	private final int clients;

	private final Duration warmUp;

	private final Duration measured;

	GateLoad(int clients, Duration warmUp, Duration measured) {
		this.clients = clients;
		this.warmUp = warmUp;
		this.measured = measured;
	}

	/**
	 * One thing to measure.
	 *
	 * @param name how the report names it
	 * @param url the subrequest's URL
	 * @param headers its headers (the session cookie, the original host or URI)
	 * @param expected the status a signed-in, allowed caller gets
	 */
	record Target(String name, URI url, Map<String, String> headers, int expected) {

	}

	/** What one target did in the measured period. */
	record Result(String name, int clients, long requests, long unexpected, double seconds, long[] sortedNanos) {

		double throughput() {
			return this.requests / this.seconds;
		}

		double ms(double quantile) {
			if (this.sortedNanos.length == 0) {
				return Double.NaN;
			}
			int index = (int) Math.min(this.sortedNanos.length - 1,
					Math.max(0, Math.ceil(quantile * this.sortedNanos.length) - 1));
			return this.sortedNanos[index] / 1e6;
		}

		String line() {
			return String.format(Locale.ROOT,
					"%-28s %3d clients: %8.0f req/s, p50 %6.2f ms, p99 %6.2f ms, p99.9 %6.2f ms, max %7.2f ms, "
							+ "%d requests, %d unexpected",
					this.name, this.clients, throughput(), ms(0.50), ms(0.99), ms(0.999), ms(1.0), this.requests,
					this.unexpected);
		}

	}

	/** Checks the target answers as expected once, then loads it. */
	Result measure(Target target) throws InterruptedException {
		HttpClient probe = client();
		int status = send(probe, request(target));
		if (status != target.expected()) {
			throw new IllegalStateException(target.name() + ": " + target.url() + " answered " + status + ", not "
					+ target.expected() + ": is the session signed in and allowed?");
		}
		AtomicBoolean measuring = new AtomicBoolean();
		AtomicBoolean stop = new AtomicBoolean();
		List<Worker> workers = new ArrayList<>();
		CountDownLatch done = new CountDownLatch(this.clients);
		for (int i = 0; i < this.clients; i++) {
			Worker worker = new Worker(client(), request(target), target.expected(), measuring, stop, done);
			workers.add(worker);
			Thread thread = new Thread(worker, "gate-client-" + i);
			thread.setDaemon(true);
			thread.start();
		}
		Thread.sleep(this.warmUp.toMillis());
		long begin = System.nanoTime();
		measuring.set(true);
		Thread.sleep(this.measured.toMillis());
		measuring.set(false);
		double seconds = (System.nanoTime() - begin) / 1e9;
		stop.set(true);
		done.await();
		long requests = workers.stream().mapToLong((w) -> w.count).sum();
		long unexpected = workers.stream().mapToLong((w) -> w.unexpected).sum();
		long[] all = new long[(int) requests];
		int at = 0;
		for (Worker worker : workers) {
			System.arraycopy(worker.latencies, 0, all, at, worker.count);
			at += worker.count;
		}
		Arrays.sort(all);
		return new Result(target.name(), this.clients, requests, unexpected, seconds, all);
	}

	private static HttpClient client() {
		// one client per simulated connection: its pool keeps one keep-alive connection
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	private static HttpRequest request(Target target) {
		HttpRequest.Builder request = HttpRequest.newBuilder(target.url()).timeout(Duration.ofSeconds(10)).GET();
		target.headers().forEach(request::header);
		return request.build();
	}

	private static int send(HttpClient client, HttpRequest request) {
		try {
			return client.send(request, BodyHandlers.discarding()).statusCode();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/** One client: requests back to back, latencies kept while measuring. */
	private static final class Worker implements Runnable {

		private final HttpClient client;

		private final HttpRequest request;

		private final int expected;

		private final AtomicBoolean measuring;

		private final AtomicBoolean stop;

		private final CountDownLatch done;

		private long[] latencies = new long[1 << 16];

		private int count;

		private long unexpected;

		Worker(HttpClient client, HttpRequest request, int expected, AtomicBoolean measuring, AtomicBoolean stop,
				CountDownLatch done) {
			this.client = client;
			this.request = request;
			this.expected = expected;
			this.measuring = measuring;
			this.stop = stop;
			this.done = done;
		}

		@Override
		public void run() {
			try {
				while (!this.stop.get()) {
					long start = System.nanoTime();
					int status = send(this.client, this.request);
					long took = System.nanoTime() - start;
					if (this.measuring.get()) {
						record(took, status);
					}
				}
			}
			finally {
				this.done.countDown();
			}
		}

		private void record(long took, int status) {
			if (this.count == this.latencies.length) {
				this.latencies = Arrays.copyOf(this.latencies, this.count * 2);
			}
			this.latencies[this.count++] = took;
			if (status != this.expected) {
				this.unexpected++;
			}
		}

	}

}

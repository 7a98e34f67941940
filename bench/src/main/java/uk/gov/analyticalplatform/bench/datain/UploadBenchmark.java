package uk.gov.analyticalplatform.bench.datain;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import uk.gov.analyticalplatform.dataaccess.Caller;
import uk.gov.analyticalplatform.dataaccess.Classification;
import uk.gov.analyticalplatform.dataaccess.Dataset;
import uk.gov.analyticalplatform.dataaccess.DatasetCatalog;
import uk.gov.analyticalplatform.dataaccess.DatasetUploads;
import uk.gov.analyticalplatform.dataaccess.Group;
import uk.gov.analyticalplatform.dataaccess.Groups;
import uk.gov.analyticalplatform.dataaccess.NewDataset;
import uk.gov.analyticalplatform.dataaccess.NewUpload;
import uk.gov.analyticalplatform.dataaccess.Upload;
import uk.gov.analyticalplatform.reconcile.ApplyState;
import uk.gov.analyticalplatform.testing.PlatformServices;
import uk.gov.analyticalplatform.testing.TestDatabases;

/**
 * Upload throughput of the platform (the data access module's uploads, streaming a file
 * from disk in parallel parts to the AWS emulator, hashing every byte) against
 * {@code aws s3 cp} of the same file to the same emulator, alternating, in the same run;
 * with the JVM's peak heap and peak RSS. Both at 8 parts in flight (the CLI's
 * {@code max_concurrent_requests}) and at each one's default. Args: file sizes in MiB
 * (default 256 1024), {@code --parallelism=8,default} and {@code --platform-only} to skip
 * the AWS CLI. Run with {@code scripts/bench.sh uploads}.
 */
public final class UploadBenchmark {

	static final Caller ADMIN = Caller.platformAdmin("u-bench", "bench");

	private UploadBenchmark() {
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

	/**
	 * The parallelism of the platform and of the AWS CLI side by side; 0 is each one's
	 * default.
	 */
	static final List<Integer> PARALLELISM = List.of(8, 0);

	public static void main(String[] args) throws Exception {
		List<Integer> sizes = new ArrayList<>();
		List<Integer> parallelism = new ArrayList<>();
		boolean cliToo = true;
		for (String arg : args) {
			if ("--platform-only".equals(arg)) {
				cliToo = false;
			}
			else if (arg.startsWith("--parallelism=")) {
				for (String value : arg.substring("--parallelism=".length()).split(",")) {
					parallelism.add("default".equals(value) ? 0 : Integer.parseInt(value));
				}
			}
			else {
				sizes.add(Integer.parseInt(arg));
			}
		}
		if (sizes.isEmpty()) {
			sizes = List.of(256, 1024);
		}
		if (parallelism.isEmpty()) {
			parallelism = PARALLELISM;
		}
		List<String> summary = new ArrayList<>();
		String database = TestDatabases.create("bench_uploads");
		try {
			for (int parts : parallelism) {
				try (ConfigurableApplicationContext context = context(database, parts)) {
					DatasetUploads uploads = context.getBean(DatasetUploads.class);
					Dataset dataset = dataset(context);
					Path dir = Files.createDirectories(Path.of("build", "bench"));
					for (int mib : sizes) {
						Path file = dir.resolve("upload-" + mib + "MiB.bin");
						write(file, (long) mib * 1024 * 1024);
						double ours = 0;
						double theirs = 0;
						for (int round = 1; round <= 2; round++) {
							ours += platform(uploads, dataset, file, mib, round, parts);
							if (cliToo) {
								theirs += cli(dataset, file, mib, round, parts);
							}
						}
						summary
							.add(String.format("%5d MiB, parallelism %s: platform %.1f MiB/s, aws s3 cp %s (ratio %s)",
									mib, label(parts), ours / 2, cliToo ? String.format("%.1f MiB/s", theirs / 2) : "-",
									cliToo ? String.format("%.2f", ours / theirs) : "-"));
						Files.delete(file);
					}
				}
			}
			System.out.println("summary (mean of two rounds; goal ratio >= 0.8, memory flat):");
			summary.forEach(System.out::println);
		}
		finally {
			try (Connection connection = TestDatabases.superuser("postgres")) {
				connection.createStatement().execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
			}
		}
	}

	private static String label(int parallelism) {
		return (parallelism > 0) ? Integer.toString(parallelism) : "default (platform as configured, aws s3 cp 10)";
	}

	/** Uploads the file through the platform; its throughput in MiB/s. */
	private static double platform(DatasetUploads uploads, Dataset dataset, Path file, int mib, int round,
			int parallelism) throws IOException {
		long size = Files.size(file);
		System.gc();
		Peak heap = Peak.start();
		long start = System.nanoTime();
		Upload upload = uploads.start(ADMIN, dataset.id(),
				new NewUpload("platform/" + mib + "-" + parallelism + "-" + round, size, null));
		try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 20)) {
			upload = uploads.putContent(ADMIN, upload.id(), 1, in);
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		long peakHeap = heap.stop();
		System.out.printf(
				"platform  %5d MiB parallelism %s round %d: %6.2f s, %7.1f MiB/s, %d parts of %d MiB, peak heap %d MiB, "
						+ "peak RSS %d MiB, %s%n",
				mib, label(parallelism), round, seconds, mib / seconds, upload.partCount(), upload.partSize() >> 20,
				peakHeap >> 20, peakRss() >> 10, upload.state());
		return mib / seconds;
	}

	/**
	 * Copies the file with {@code aws s3 cp} at the parallelism given (its
	 * {@code max_concurrent_requests}), or its default; its throughput in MiB/s.
	 */
	private static double cli(Dataset dataset, Path file, int mib, int round, int parallelism) throws Exception {
		Path aws = Path.of("build", "awscli-venv", "bin", "aws");
		ProcessBuilder process = new ProcessBuilder(aws.toString(), "s3", "cp", "--only-show-errors", file.toString(),
				"s3://" + dataset.bucket() + "/cli/" + mib + "-" + parallelism + "-" + round, "--endpoint-url",
				PlatformServices.get().awsEndpoint())
			.inheritIO();
		Map<String, String> env = process.environment();
		env.put("AWS_ACCESS_KEY_ID", "test");
		env.put("AWS_SECRET_ACCESS_KEY", "test");
		env.put("AWS_DEFAULT_REGION", "eu-west-2");
		if (parallelism > 0) {
			Path config = Files.createDirectories(Path.of("build", "bench")).resolve("aws-config-" + parallelism);
			Files.writeString(config, "[default]\ns3 =\n  max_concurrent_requests = " + parallelism + "\n");
			env.put("AWS_CONFIG_FILE", config.toAbsolutePath().toString());
		}
		long start = System.nanoTime();
		int exit = process.start().waitFor();
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("aws s3 cp %5d MiB parallelism %s round %d: %6.2f s, %7.1f MiB/s (exit %d)%n", mib,
				label(parallelism), round, seconds, mib / seconds, exit);
		if (exit != 0) {
			throw new IllegalStateException("aws s3 cp failed: exit " + exit);
		}
		return mib / seconds;
	}

	private static Dataset dataset(ConfigurableApplicationContext context) {
		String suffix = UUID.randomUUID().toString().substring(0, 8);
		Group owners = context.getBean(Groups.class).create(ADMIN, "bench-" + suffix, "");
		DatasetCatalog catalog = context.getBean(DatasetCatalog.class);
		Dataset created = catalog.create(ADMIN, NewDataset.s3("bench-" + suffix, "upload benchmark", owners.id(),
				Classification.OFFICIAL, "bench-uploads-" + suffix, ""));
		Awaitility.await("the bucket provisioned")
			.atMost(Duration.ofSeconds(60))
			.until(() -> catalog.get(created.id()).status().state() != ApplyState.PENDING);
		return catalog.get(created.id());
	}

	private static void write(Path file, long size) throws IOException {
		byte[] block = new byte[1 << 20];
		Random random = new Random(42);
		try (OutputStream out = Files.newOutputStream(file)) {
			for (long written = 0; written < size; written += block.length) {
				random.nextBytes(block);
				out.write(block, 0, (int) Math.min(block.length, size - written));
			}
		}
	}

	private static ConfigurableApplicationContext context(String database, int parallelism) {
		Map<String, Object> properties = new HashMap<>();
		properties.put("spring.autoconfigure.exclude", "");
		properties.put("spring.datasource.url", PlatformServices.get().jdbcUrl(database));
		properties.put("spring.datasource.username", TestDatabases.APP_ROLE);
		properties.put("spring.datasource.password", TestDatabases.APP_ROLE);
		properties.put("spring.flyway.user", TestDatabases.OWNER_ROLE);
		properties.put("spring.flyway.password", TestDatabases.OWNER_ROLE);
		properties.put("spring.flyway.locations", "classpath:db/migration/audit,classpath:db/migration/dataaccess");
		properties.put("platform.aws.region", "eu-west-2");
		properties.put("platform.aws.endpoint", PlatformServices.get().awsEndpoint());
		properties.put("platform.aws.access-key-id", "test");
		properties.put("platform.aws.secret-access-key", "test");
		properties.put("platform.data-access.role-prefix", "bench");
		properties.put("platform.data-access.buckets.tls-only", "false");
		properties.put("platform.data-access.reconciler.poll-interval", "250ms");
		if (parallelism > 0) {
			properties.put("platform.data-access.uploads.parallelism", parallelism);
		}
		return new SpringApplicationBuilder(App.class).run(arguments(properties));
	}

	/**
	 * Settings as command-line arguments, so that they win over the bench's
	 * application.yaml.
	 */
	static String[] arguments(Map<String, Object> properties) {
		return properties.entrySet().stream().map((e) -> "--" + e.getKey() + "=" + e.getValue()).toArray(String[]::new);
	}

	/** The JVM's peak resident set size, in KiB (VmHWM). */
	static long peakRss() throws IOException {
		for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
			if (line.startsWith("VmHWM:")) {
				return Long.parseLong(line.replaceAll("[^0-9]", ""));
			}
		}
		return -1;
	}

	/** Samples the used heap every 20 ms and keeps the peak. */
	static final class Peak {

		private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();

		private final AtomicLong peak = new AtomicLong();

		static Peak start() {
			Peak sampler = new Peak();
			var memory = ManagementFactory.getMemoryMXBean();
			sampler.executor.scheduleAtFixedRate(
					() -> sampler.peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max), 0, 20,
					TimeUnit.MILLISECONDS);
			return sampler;
		}

		long stop() {
			this.executor.shutdownNow();
			return this.peak.get();
		}

	}

}

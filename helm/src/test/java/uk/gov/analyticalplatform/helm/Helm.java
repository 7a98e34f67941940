package uk.gov.analyticalplatform.helm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import uk.gov.analyticalplatform.testing.PlatformServices;

/**
 * The pinned Helm of {@code scripts/helm.sh}, run as an operator would, against the chart
 * of this module and the real local cluster, with a Helm home of its own under
 * {@code target/}.
 */
final class Helm {

	static final Path CHART = Path.of("analytical-platform").toAbsolutePath();

	static final Path MINIMAL = CHART.resolve("examples/minimal-values.yaml");

	static final Path PRODUCTION = CHART.resolve("examples/production-values.yaml");

	private static final Path HOME = Path.of("target/helm-home").toAbsolutePath();

	private Helm() {
	}

	/** What one run of helm printed, and how it ended. */
	record Result(int exitCode, String out, String err) {

		boolean succeeded() {
			return this.exitCode == 0;
		}

		/** The output, or a failure that shows what helm said. */
		String orFail() {
			if (!succeeded()) {
				throw new AssertionError("helm failed (" + this.exitCode + "):\n" + this.err + this.out);
			}
			return this.out;
		}

	}

	static Result run(String... args) {
		return run(List.of(args));
	}

	static Result run(List<String> args) {
		List<String> command = new ArrayList<>();
		command.add(PlatformServices.get().helm());
		command.addAll(args);
		ProcessBuilder builder = new ProcessBuilder(command);
		Map<String, String> env = builder.environment();
		env.put("KUBECONFIG", PlatformServices.get().kubeconfig());
		env.put("HELM_CACHE_HOME", HOME.resolve("cache").toString());
		env.put("HELM_CONFIG_HOME", HOME.resolve("config").toString());
		env.put("HELM_DATA_HOME", HOME.resolve("data").toString());
		try {
			Path out = Files.createTempFile("helm", ".out");
			Path err = Files.createTempFile("helm", ".err");
			Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
			if (!process.waitFor(5, TimeUnit.MINUTES)) {
				process.destroyForcibly();
				throw new AssertionError("helm did not finish within 5 minutes: " + command);
			}
			Result result = new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
					Files.readString(err, StandardCharsets.UTF_8));
			Files.delete(out);
			Files.delete(err);
			return result;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** The chart rendered with these values files and {@code --set} pairs. */
	static List<Map<String, Object>> template(List<Path> values, String... sets) {
		List<String> args = new ArrayList<>(List.of("template", "ap", CHART.toString(), "--namespace", "platform"));
		values.forEach((file) -> args.addAll(List.of("--values", file.toString())));
		for (String set : sets) {
			args.addAll(List.of("--set", set));
		}
		return Manifests.parse(run(args).orFail());
	}

}

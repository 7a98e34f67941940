package uk.gov.analyticalplatform.bench.tools;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * CPU time of this process's JVM threads by kind, read from Linux's
 * {@code /proc/self/task}: the JIT compiler's and the garbage collector's threads are not
 * Java threads, so no management bean reports their CPU (the compilation bean's total is
 * elapsed time, which on a loaded machine counts the compiler's waits too). Threads that
 * ended meanwhile are not counted.
 */
final class ThreadsCpu {

	static final String COMPILER = "compiler";

	static final String GC = "gc";

	/** Linux's clock ticks per second for {@code /proc} times (USER_HZ). */
	private static final long NANOS_PER_TICK = 10_000_000L;

	private ThreadsCpu() {
	}

	/** CPU nanoseconds per thread id, with its kind ({@code kind:tid}). */
	static Map<String, Long> read() {
		Map<String, Long> threads = new HashMap<>();
		try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.forEach((task) -> {
				try {
					String kind = kind(Files.readString(task.resolve("comm")).strip());
					if (kind != null) {
						String stat = Files.readString(task.resolve("stat"));
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
						threads.put(kind + ":" + task.getFileName(), ticks * NANOS_PER_TICK);
					}
				}
				catch (IOException ex) {
					// the thread ended while it was read
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return threads;
	}

	/** CPU nanoseconds per kind spent since {@code before} was read. */
	static Map<String, Long> since(Map<String, Long> before) {
		Map<String, Long> spent = new HashMap<>();
		read().forEach((thread, nanos) -> spent.merge(thread.substring(0, thread.indexOf(':')),
				nanos - before.getOrDefault(thread, 0L), Long::sum));
		return spent;
	}

	private static String kind(String name) {
		if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
			return COMPILER;
		}
		if (name.startsWith("GC Thread") || name.startsWith("G1 ")) {
			return GC;
		}
		return null;
	}

}

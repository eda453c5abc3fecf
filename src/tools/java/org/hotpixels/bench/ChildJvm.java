package org.hotpixels.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one benchmark task in a fresh JVM (same Java, same class path, a given {@code -Xmx}), so
 * that every case starts from a clean heap and its peak memory is its own. The child reports
 * through lines {@code @result<TAB>key=value<TAB>...} on its standard output, written by
 * {@link #report}.
 *
 * <pre>{@code
 * ChildJvm.Outcome o = ChildJvm.run("1g", "find", "dir=/tmp/x", "threads=2");
 * double seconds = o.number(0, "seconds");
 * }</pre>
 */
final class ChildJvm {

	private static final String PREFIX = "@result\t";
	private static final String ERROR = "@error\t";

	private ChildJvm() {}

	/** What a child printed: its result lines, its exit code, and the tail of its error output. */
	static final class Outcome {

		final List<Map<String, String>> results = new ArrayList<>();
		int exitCode;
		String errorTail = "";
		/** The child's own one-line account of its failure, or null. */
		String error;
		String heap;

		boolean ok() {
			return exitCode == 0 && !results.isEmpty();
		}

		double number(final int row, final String key) {
			final String v = results.get(row).get(key);
			return v == null ? Double.NaN : Double.parseDouble(v);
		}

		/** Why the child failed, in a few words. */
		String failure() {
			final String why = error != null ? error : errorTail;
			if (why.contains("OutOfMemoryError") || why.contains("not enough memory"))
				return "out of memory at -Xmx" + heap;
			return "exit code " + exitCode + (why.isEmpty() ? "" : ": " + why);
		}
	}

	/**
	 * The collector settings among this JVM's own arguments (the launcher's: {@code -XX:+UseG1GC
	 * -Xmn96m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=30
	 * -XX:+UnlockExperimentalVMOptions -XX:G1ExpandByPercentOfAvailable=4}); none when run
	 * otherwise.
	 */
	static List<String> launcherGcFlags() {
		return ownFlags("-Xmn", "-XX:+UseG1GC", "-XX:MinHeapFreeRatio=", "-XX:MaxHeapFreeRatio=",
			"-XX:+UnlockExperimentalVMOptions", "-XX:G1ExpandByPercentOfAvailable=");
	}

	/** This JVM's own arguments that start with one of {@code prefixes}, in their order. */
	private static List<String> ownFlags(final String... prefixes) {
		final List<String> flags = new ArrayList<>();
		for (final String a : java.lang.management.ManagementFactory.getRuntimeMXBean()
			.getInputArguments())
			for (final String p : prefixes)
				if (a.startsWith(p)) {
					flags.add(a);
					break;
				}
		return flags;
	}

	/** The heap setting that passes no {@code -Xmx}: the JVM's default (a quarter of the RAM). */
	static final String DEFAULT_HEAP = "default";

	/**
	 * Runs {@code Benchmark --child task args...} with the given maximum heap ("1g", "640m", or
	 * {@link #DEFAULT_HEAP}).
	 */
	static Outcome run(final String heap, final String task, final String... args) {
		return run(heap, false, task, args);
	}

	/**
	 * {@link #run(String, String, String...)}, with {@code launcherGc} also with the collector
	 * settings of the JVM this runs in (the launcher's, when the benchmark runs as {@code
	 * ./hotpixels bench}): what a user's run gets.
	 */
	static Outcome run(final String heap, final boolean launcherGc, final String task,
		final String... args)
	{
		final List<String> command = new ArrayList<>();
		command.add(System.getProperty("java.home") + File.separator + "bin" + File.separator + "java");
		if (launcherGc) command.addAll(launcherGcFlags());
		// the launcher's guard against Java 17's early OutOfMemoryError while a decoder is in
		// native code (see the launcher) holds for every child
		command.addAll(ownFlags("-XX:+IgnoreUnrecognizedVMOptions", "-XX:+UnlockDiagnosticVMOptions",
			"-XX:GCLockerRetryAllocationCount="));
		if (!DEFAULT_HEAP.equals(heap)) command.add("-Xmx" + heap);
		command.add("-Djava.awt.headless=true");
		command.add("-cp");
		command.add(System.getProperty("java.class.path"));
		command.add(Benchmark.class.getName());
		command.add("--child");
		command.add(task);
		for (final String a : args)
			command.add(a);
		final Outcome outcome = new Outcome();
		outcome.heap = heap;
		try {
			final long start = System.nanoTime();
			final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			final Deque<String> tail = new ArrayDeque<>();
			try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
				StandardCharsets.UTF_8)))
			{
				for (String line; (line = in.readLine()) != null;) {
					if (line.startsWith(PREFIX)) outcome.results.add(parse(line));
					else if (line.startsWith(ERROR)) outcome.error = line.substring(ERROR.length());
					else {
						tail.addLast(line);
						if (tail.size() > 3) tail.removeFirst();
					}
				}
			}
			outcome.exitCode = process.waitFor();
			// the whole child process, JVM start-up included, as a user would time it
			final String seconds = Double.toString((System.nanoTime() - start) / 1e9);
			for (final Map<String, String> r : outcome.results)
				r.put("process", seconds);
			outcome.errorTail = String.join(" | ", tail).trim();
		}
		catch (final IOException e) {
			outcome.exitCode = -1;
			outcome.errorTail = "cannot start a child JVM: " + e.getMessage();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			outcome.exitCode = -1;
			outcome.errorTail = "interrupted";
		}
		return outcome;
	}

	private static Map<String, String> parse(final String line) {
		final Map<String, String> values = new LinkedHashMap<>();
		for (final String field : line.substring(PREFIX.length()).split("\t")) {
			final int eq = field.indexOf('=');
			if (eq > 0) values.put(field.substring(0, eq), field.substring(eq + 1));
		}
		return values;
	}

	/** Prints a child's failure as one line, with its cause chain, for {@link Outcome#failure}. */
	static void reportError(final Throwable t) {
		final StringBuilder why = new StringBuilder();
		for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause())
			why.append(why.length() == 0 ? "" : " <- ").append(c);
		System.out.println(ERROR + why.toString().replace('\n', ' ').replace('\t', ' '));
		System.out.flush();
	}

	/** Prints one result line from a child; values must not contain tabs or line breaks. */
	static void report(final Object... keysAndValues) {
		final StringBuilder line = new StringBuilder(PREFIX.trim());
		for (int k = 0; k + 1 < keysAndValues.length; k += 2)
			line.append('\t').append(keysAndValues[k]).append('=').append(keysAndValues[k + 1]);
		System.out.println(line);
		System.out.flush();
	}
}

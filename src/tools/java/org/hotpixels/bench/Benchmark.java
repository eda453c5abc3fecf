package org.hotpixels.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Comparator;
import java.util.Locale;
import java.util.stream.Stream;

import org.hotpixels.source.PixelType;

/**
 * The performance benchmark of issue 5: generates its own test data (deterministic synthetic
 * scenes) in a temporary folder, measures our engine beside what users have today on the same
 * data in one run, prints a table of times, ratios and peak memory with the targets, and deletes
 * the data. Every measured case runs in a fresh child JVM with a given {@code -Xmx}, so peaks are
 * separable and no case inherits another's heap.
 * <ul>
 * <li>(a) open stacks (16-bit, 8-bit, RGB, float): read floor, sums of values and squares only,
 * our statistics, our find, ImageJ 1's ZProjector SD;</li>
 * <li>(b) a folder of JPEGs at a Nikon D80's size: decoding alone, statistics, find, and ImageJ
 * 1's FolderOpener + ZProjector SD;</li>
 * <li>(c) a folder of 16-bit TIFFs, the same methods;</li>
 * <li>(d) peak memory for few vs many frames, and the smallest heap for the JPEG folder.</li>
 * </ul>
 *
 * <pre>{@code
 * int status = Benchmark.run(new String[] { "--quick" }, System.out); // or: hotpixels bench --quick
 * }</pre>
 */
public final class Benchmark {

	private Benchmark() {}

	public static void main(final String[] args) {
		System.exit(run(args, System.out));
	}

	/**
	 * Runs the benchmark with command-line style arguments ({@code --quick}, {@code --only abcd},
	 * {@code --threads N}, {@code --repeats N}, {@code --dir FOLDER}, {@code --keep}), printing
	 * the report to {@code out}. Returns 0 on success, 1 if a case failed, 2 for bad arguments.
	 */
	public static int run(final String[] args, final PrintStream out) {
		if (args.length > 0 && args[0].equals("--child")) return child(args);
		final BenchSettings s;
		try {
			s = BenchSettings.parse(args);
		}
		catch (final IllegalArgumentException e) {
			out.println(e.getMessage());
			out.println(BenchSettings.usage());
			return 2;
		}
		final long start = System.nanoTime();
		Path root = null;
		try {
			root = s.dir != null ? Files.createDirectories(s.dir) : Files.createTempDirectory(
				"hotpixels-bench-");
			header(s, out, root);
			final Targets targets = new Targets();
			if (s.runs('a')) StackSection.run(s, out, targets);
			final FolderSections folders = new FolderSections(s, out, targets);
			final Path jpegs = s.runs('b') ? folders.jpegs(root) : null;
			if (s.runs('c')) folders.tiffs(root);
			if (s.runs('d')) MemorySection.run(s, out, targets, root, jpegs, folders.jpegFindRss);
			if (!targets.isEmpty()) {
				out.println();
				targets.print(out, s.quick);
			}
			out.printf(Locale.ROOT, "%nBenchmark took %.0f s; load average at the end %s.%n", (System
				.nanoTime() - start) / 1e9, loadAverage());
			return 0;
		}
		catch (final IOException | RuntimeException e) {
			out.println("Benchmark failed: " + e.getMessage());
			return 1;
		}
		finally {
			if (root != null && !s.keep && s.dir == null) delete(root);
			else if (root != null) out.println("Test data kept in " + root);
		}
	}

	private static void header(final BenchSettings s, final PrintStream out, final Path root) {
		out.printf(Locale.ROOT, "Hot Pixel Finder benchmark%s: %d threads per method; Java %s (%s); " +
			"%d cores; %s%n", s.quick ? " (--quick)" : "", s.threads, System.getProperty("java.version"),
			System.getProperty("java.vm.name"), Runtime.getRuntime().availableProcessors(), cpu());
		out.println("Test data in " + root + (s.keep || s.dir != null ? "" : " (deleted afterwards)") +
			". Times are wall clock; 'vs X' = time / time of X.");
		out.println("Load average at the start " + loadAverage() +
			" (other work on the machine slows every case; compare ratios within one run).");
	}

	/** The 1, 5 and 15 minute load averages, or "unknown". */
	private static String loadAverage() {
		try {
			final String[] parts = new String(Files.readAllBytes(Paths.get("/proc/loadavg")),
				java.nio.charset.StandardCharsets.US_ASCII).trim().split("\\s+");
			return parts[0] + " " + parts[1] + " " + parts[2];
		}
		catch (final IOException | RuntimeException e) {
			return "unknown";
		}
	}

	private static String cpu() {
		try (Stream<String> lines = Files.lines(Paths.get("/proc/cpuinfo"))) {
			return lines.filter(l -> l.startsWith("model name")).map(l -> l.substring(l.indexOf(':') + 1)
				.trim()).findFirst().orElse("unknown CPU");
		}
		catch (final IOException | UncheckedIOException e) {
			return System.getProperty("os.arch");
		}
	}

	/** The work of one child JVM; see {@link ChildJvm}. Failures are reported in one line. */
	private static int child(final String[] a) {
		try {
			return childTask(a);
		}
		catch (final Throwable t) {
			ChildJvm.reportError(t);
			return 1;
		}
	}

	private static int childTask(final String[] a) {
		final String task = a[1];
		switch (task) {
			case "stack" :
				for (final String type : a[2].split(","))
					StackBench.run(PixelType.valueOf(type), i(a[3]), i(a[4]), i(a[5]), i(a[6]), i(a[7]), i(
						a[8]));
				return 0;
			case "folder" :
				FolderBench.run(a[2], Paths.get(a[3]), i(a[4]), i(a[5]));
				return 0;
			case "write-jpegs" :
				ChildJvm.report("bytes", SeriesWriter.jpegs(Paths.get(a[2]), i(a[3]), i(a[4]), i(a[5]), i(
					a[6]), i(a[7])));
				return 0;
			case "write-tiffs" :
				ChildJvm.report("bytes", SeriesWriter.tiffs16(Paths.get(a[2]), i(a[3]), i(a[4]), i(a[5]), i(
					a[6]), i(a[7])));
				return 0;
			default :
				throw new IllegalArgumentException("Unknown child task " + task);
		}
	}

	private static int i(final String s) {
		return Integer.parseInt(s);
	}

	private static void delete(final Path root) {
		try (Stream<Path> all = Files.walk(root)) {
			all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// best effort: a temporary folder
		}
	}
}

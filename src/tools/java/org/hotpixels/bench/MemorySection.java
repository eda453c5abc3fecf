package org.hotpixels.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Section (d), parent side: peak memory of find on few and many frames of the same size (same
 * {@code -Xmx}, one fresh JVM each), and the smallest {@code -Xmx} with which find runs on the
 * JPEG folder of section (b), with the peak resident memory at each heap tried.
 */
final class MemorySection {

	/** Runs of find per number of frames; the one of median peak RSS is reported. */
	static final int RUNS = 3;

	private MemorySection() {}

	static void run(final BenchSettings s, final PrintStream out, final Targets targets,
		final Path root, final Path jpegFolder, final double jpegFindRss)
	{
		final Path dir = root.resolve("memory");
		final ChildJvm.Outcome written = ChildJvm.run("1g", "write-jpegs", dir.toString(), "" +
			s.memoryWidth, "" + s.memoryHeight, "" + s.manyFrames, "11", "" + s.threads);
		if (!written.ok()) throw new IllegalStateException("Writing " + dir + " failed: " + written
			.failure());
		final List<String> gc = ChildJvm.launcherGcFlags();
		out.printf(Locale.ROOT,
			"%n(d) Memory of find: %d vs %d JPEGs %dx%d, -Xmx%s, fresh JVM each, median of %d runs, %s%n",
			s.fewFrames, s.manyFrames, s.memoryWidth, s.memoryHeight, s.memoryHeap, RUNS, gc.isEmpty()
				? "the JVM's default collector settings" : "the launcher's collector settings " + String
					.join(" ", gc));
		final ResultTable table = new ResultTable("frames", "time", "peak RSS", "peak heap", "RSS vs " +
			s.fewFrames + " frames");
		double fewRss = Double.NaN, manyRss = Double.NaN;
		for (final int n : new int[]{ s.fewFrames, s.manyFrames }) {
			// the run of median peak RSS among RUNS: one run's peak moved by 10% from run to run
			final List<ChildJvm.Outcome> runs = new ArrayList<>();
			String failure = null;
			for (int r = 0; r < RUNS && failure == null; r++) {
				final ChildJvm.Outcome o = ChildJvm.run(s.memoryHeap, true, "folder", "find", dir
					.toString(), "" + n, "" + s.threads);
				if (o.ok()) runs.add(o);
				else failure = o.failure();
			}
			if (failure != null) {
				table.add("" + n, "failed", "-", "-", failure);
				continue;
			}
			runs.sort(Comparator.comparingDouble(o -> o.number(0, "hwm")));
			final ChildJvm.Outcome o = runs.get(runs.size() / 2);
			final double rss = o.number(0, "hwm");
			if (n == s.fewFrames) fewRss = rss;
			else manyRss = rss;
			table.add("" + n, ResultTable.seconds(o.number(0, "seconds")), ResultTable.megabytes(rss),
				ResultTable.megabytes(o.number(0, "heap")), ResultTable.ratio(rss / fewRss));
		}
		table.print(out);
		targets.atMost("memory flat: peak RSS of " + s.manyFrames + " frames within +10% of " +
			s.fewFrames, manyRss / fewRss, 1.10, String.format(Locale.ROOT, "%+.1f%%", 100 * (manyRss /
				fewRss - 1)));
		if (jpegFolder != null) heapSearch(s, out, targets, jpegFolder, jpegFindRss);
	}

	/**
	 * Bisects the candidate heaps for the smallest one with which find succeeds, then runs find
	 * with the JVM's default heap (what a launcher without -Xmx gives) for its resident memory.
	 */
	private static void heapSearch(final BenchSettings s, final PrintStream out,
		final Targets targets, final Path jpegFolder, final double jpegFindRss)
	{
		out.printf(Locale.ROOT, "%n    Smallest -Xmx for find on the JPEG folder of (b)%n");
		final ResultTable table = new ResultTable("-Xmx", "result", "time", "peak RSS", "peak heap");
		final int[] heaps = s.heapCandidates;
		int lo = 0, hi = heaps.length - 1, smallest = -1;
		while (lo <= hi) {
			final int mid = (lo + hi) >>> 1;
			if (find(s, jpegFolder, heaps[mid] + "m", table)) {
				smallest = heaps[mid];
				hi = mid - 1;
			}
			else lo = mid + 1;
		}
		find(s, jpegFolder, ChildJvm.DEFAULT_HEAP, table);
		table.print(out);
		out.println("    smallest working -Xmx: " + (smallest < 0 ? "none of the candidates"
			: smallest + "m") + "; peak RSS at -Xmx" + s.ourHeap + " (section b): " + ResultTable
				.megabytes(jpegFindRss));
	}

	private static boolean find(final BenchSettings s, final Path folder, final String heap,
		final ResultTable table)
	{
		final ChildJvm.Outcome o = ChildJvm.run(heap, true, "folder", "find", folder.toString(), "0",
			"" + s.threads);
		final String label = ChildJvm.DEFAULT_HEAP.equals(heap) ? "(none: JVM default)" : heap;
		if (o.ok()) table.add(label, "ok", ResultTable.seconds(o.number(0, "seconds")), ResultTable
			.megabytes(o.number(0, "hwm")), ResultTable.megabytes(o.number(0, "heap")));
		else table.add(label, o.failure(), "-", "-", "-");
		return o.ok();
	}
}

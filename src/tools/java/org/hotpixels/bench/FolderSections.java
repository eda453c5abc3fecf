package org.hotpixels.bench;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Sections (b) JPEG folder and (c) TIFF folder, parent side: writes the series, then runs each
 * method in fresh child JVMs ({@link FolderBench}) and prints times, ratios and peak memory; then
 * the whole processes a user would run ({@link WholeRuns}) with the targets of issue 11.
 */
final class FolderSections {

	private final BenchSettings settings;
	private final PrintStream out;
	private final Targets targets;
	/** Peak RSS of find on the JPEG folder at our heap, NaN if it failed (for section d). */
	double jpegFindRss = Double.NaN;
	/** Peak RSS of the whole {@code ./hotpixels find} process on the JPEG folder, NaN if not run. */
	double jpegLauncherRss = Double.NaN;

	FolderSections(final BenchSettings settings, final PrintStream out, final Targets targets) {
		this.settings = settings;
		this.out = out;
		this.targets = targets;
	}

	/** Section (b); returns the folder written, for the heap search of section (d). */
	Path jpegs(final Path root) {
		final BenchSettings s = settings;
		final Path dir = root.resolve("jpeg");
		final long bytes = write("write-jpegs", dir, s.jpegWidth, s.jpegHeight, s.jpegFrames);
		out.printf(Locale.ROOT, "%n(b) Folder of %d JPEGs %dx%d (quality 90, %s each on average)%n",
			s.jpegFrames, s.jpegWidth, s.jpegHeight, size(bytes / s.jpegFrames));
		final Map<String, String>[] r = runMethods(dir);
		jpegFindRss = number(r[2], "hwm");
		final WholeRuns w = WholeRuns.run(s, out, dir, r[3], root);
		jpegLauncherRss = w.oursRss;
		targets.atLeast("JPEG folder: ./hotpixels find >= 4x faster than the 2011 Python program",
			w.python / w.ours, 4, WholeRuns.faster(w.python, w.ours));
		targets.atLeast("JPEG folder: ./hotpixels find >= 5x faster than ImageJ (FolderOpener + SD)",
			w.imagej / w.ours, 5, WholeRuns.faster(w.imagej, w.ours));
		targets.atMost("JPEG folder: peak RSS of ./hotpixels find < 1 GiB (launcher's settings)",
			w.oursRss, 1L << 30, ResultTable.megabytes(w.oursRss));
		return dir;
	}

	/** Section (c): the same methods, and whole processes beside ImageJ's. */
	void tiffs(final Path root) {
		final BenchSettings s = settings;
		final Path dir = root.resolve("tiff");
		final long bytes = write("write-tiffs", dir, s.tiffWidth, s.tiffHeight, s.tiffFrames);
		out.printf(Locale.ROOT, "%n(c) Folder of %d 16-bit TIFFs %dx%d (uncompressed, %s each)%n",
			s.tiffFrames, s.tiffWidth, s.tiffHeight, size(bytes / s.tiffFrames));
		final Map<String, String>[] r = runMethods(dir);
		final WholeRuns w = WholeRuns.run(s, out, dir, r[3], root);
		targets.atMost("TIFF folder: ./hotpixels find takes at most 0.67x ImageJ's time", w.ours /
			w.imagej, 0.67, ResultTable.ratio(w.ours / w.imagej));
	}

	private long write(final String task, final Path dir, final int w, final int h, final int n) {
		final ChildJvm.Outcome o = ChildJvm.run("1g", task, dir.toString(), "" + w, "" + h, "" + n, "7",
			"" + settings.threads);
		if (!o.ok()) throw new IllegalStateException("Writing " + dir + " failed: " + o.failure());
		return (long) o.number(0, "bytes");
	}

	/** Runs decode, statistics, find and ImageJ on {@code dir}; returns their best results. */
	@SuppressWarnings("unchecked")
	private Map<String, String>[] runMethods(final Path dir) {
		final String[] methods = { "decode", "statistics", "find", "imagej" };
		final String[] labels = { "decode only (ImageFileReader via FrameStream)",
			"statistics (decode + PixelStatistics.addAll)", "find (statistics + detection + ranking)",
			"ImageJ 1: FolderOpener + ZProjector SD" };
		final Map<String, String>[] best = new Map[methods.length];
		final String[] failures = new String[methods.length];
		for (int r = 0; r < settings.folderRepeats; r++)
			for (int m = 0; m < methods.length; m++) {
				if (m >= 2 && r > 0) continue; // find and ImageJ take long: once
				final String heap = m == 3 ? settings.imagejHeap : settings.ourHeap;
				final ChildJvm.Outcome o = ChildJvm.run(heap, "folder", methods[m], dir.toString(), "0",
					"" + settings.threads);
				if (!o.ok()) failures[m] = o.failure();
				else if (best[m] == null || number(o.results.get(0), "seconds") < number(best[m],
					"seconds")) best[m] = o.results.get(0);
			}
		final ResultTable table = new ResultTable("method", "time", "vs decode", "vs find", "peak RSS",
			"peak heap", "-Xmx", "note");
		final double decode = number(best[0], "seconds"), find = number(best[2], "seconds");
		for (int m = 0; m < methods.length; m++) {
			final String heap = m == 3 ? settings.imagejHeap : settings.ourHeap;
			if (best[m] == null) {
				table.add(labels[m], "failed", "-", "-", "-", "-", heap, failures[m]);
				continue;
			}
			final double t = number(best[m], "seconds");
			table.add(labels[m], ResultTable.seconds(t), ResultTable.ratio(t / decode), ResultTable.ratio(
				t / find), ResultTable.megabytes(number(best[m], "hwm")), ResultTable.megabytes(number(
					best[m], "heap")), heap, best[m].get("detail"));
		}
		table.print(out);
		return best;
	}

	static double number(final Map<String, String> result, final String key) {
		if (result == null || result.get(key) == null) return Double.NaN;
		return Double.parseDouble(result.get(key));
	}

	private static String size(final long bytes) {
		return bytes < 1_000_000 ? String.format(Locale.ROOT, "%.0f kB", bytes / 1e3) : String.format(
			Locale.ROOT, "%.1f MB", bytes / 1e6);
	}

	private static String percentOver(final double value, final double base) {
		if (Double.isNaN(value) || Double.isNaN(base)) return "-";
		return String.format(Locale.ROOT, "%+.0f%%", 100 * (value / base - 1));
	}
}

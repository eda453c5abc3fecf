package org.hotpixels.bench;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whole processes on a folder, as a user runs them, start-up and writing the results included:
 * {@code ./hotpixels find} with the launcher's own JVM settings (the launcher sets
 * {@code HOTPIXELS_LAUNCHER} for the benchmark), the 2011 Python program (PIL + numpy Welford,
 * {@code welford.py} beside this class) when a python3 with numpy and Pillow is present, and
 * ImageJ 1's FolderOpener + ZProjector SD in a fresh JVM. Prints one table with ratios to ours.
 */
final class WholeRuns {

	/** The whole-process results of one folder: ours, Python's and ImageJ's (NaN if not run). */
	double ours = Double.NaN, oursRss = Double.NaN, python = Double.NaN, imagej = Double.NaN;

	private WholeRuns() {}

	/**
	 * Runs ours (best of {@code s.folderRepeats}) and the Python program (once) on {@code dir},
	 * and prints them beside ImageJ's fresh-JVM run {@code imagejRun} (from section b or c).
	 */
	static WholeRuns run(final BenchSettings s, final PrintStream out, final Path dir,
		final Map<String, String> imagejRun, final Path scratch)
	{
		final WholeRuns w = new WholeRuns();
		final ResultTable table = new ResultTable("whole process, as a user runs it", "time", "vs ours",
			"peak RSS", "note");
		ProcessRun best = null;
		for (int r = 0; r < Math.max(1, s.folderRepeats); r++) {
			final ProcessRun p = ProcessRun.run(ours(dir, scratch.resolve("ours-out"), s.threads),
				scratch);
			if (!p.ok()) {
				best = p;
				break;
			}
			if (best == null || p.seconds < best.seconds) best = p;
		}
		final String launcher = System.getenv("HOTPIXELS_LAUNCHER") != null ? "./hotpixels find"
			: "hotpixels find (plain java: not started by the launcher)";
		if (best.ok()) {
			w.ours = best.seconds;
			w.oursRss = best.peakRss;
			table.add(launcher, ResultTable.seconds(w.ours), "1.00x", ResultTable.megabytes(w.oursRss),
				"writes all results");
		}
		else table.add(launcher, "failed", "-", "-", best.lastLine());
		final List<String> python = python(scratch);
		if (python == null) table.add("2011 Python program (PIL + numpy)", "-", "-", "-",
			"skipped: no python3 with numpy and Pillow (apt-get install python3-numpy python3-pil)");
		else {
			python.add(dir.toString());
			final ProcessRun p = ProcessRun.run(python, scratch);
			if (p.ok() && p.output.contains("@result")) {
				w.python = p.seconds;
				table.add("2011 Python program (PIL + numpy)", ResultTable.seconds(p.seconds), ResultTable
					.ratio(p.seconds / w.ours), ResultTable.megabytes(p.peakRss), "variance only");
			}
			else table.add("2011 Python program (PIL + numpy)", "failed", "-", "-", p.lastLine());
		}
		if (imagejRun != null && imagejRun.get("process") != null) {
			w.imagej = Double.parseDouble(imagejRun.get("process"));
			table.add("ImageJ 1: FolderOpener + ZProjector SD", ResultTable.seconds(w.imagej), ResultTable
				.ratio(w.imagej / w.ours), ResultTable.megabytes(FolderSections.number(imagejRun, "hwm")),
				"fresh JVM, -Xmx" + s.imagejHeap);
		}
		else table.add("ImageJ 1: FolderOpener + ZProjector SD", "failed", "-", "-", "");
		out.println();
		table.print(out);
		return w;
	}

	/** The main class of this JVM (the command line that runs the benchmark). */
	private static String mainClass() {
		return System.getProperty("sun.java.command", "").trim().split("\\s+")[0];
	}

	/** {@code hotpixels find} through the launcher when it started us, else plain java. */
	private static List<String> ours(final Path dir, final Path output, final int threads) {
		final String launcher = System.getenv("HOTPIXELS_LAUNCHER");
		final List<String> command = new ArrayList<>();
		if (launcher != null && new File(launcher).canExecute()) command.add(launcher);
		else command.addAll(Arrays.asList(System.getProperty("java.home") + File.separator + "bin" +
			File.separator + "java", "-cp", System.getProperty("java.class.path"), mainClass()));
		command.addAll(Arrays.asList("find", dir.toString(), "--output", output.toString(), "--threads",
			"" + threads, "--overwrite"));
		return command;
	}

	/**
	 * {@code python3 welford.py}, the script copied to {@code scratch}, with the first python3
	 * that imports numpy and PIL (the one on the PATH, then the system's); null if none does.
	 */
	static List<String> python(final Path scratch) {
		for (final String python : new String[]{ "python3", "/usr/bin/python3" }) {
			final ProcessRun check = ProcessRun.run(Arrays.asList(python, "-c", "import numpy, PIL"),
				scratch);
			if (!check.ok()) continue;
			final Path script = scratch.resolve("welford.py");
			try (InputStream in = WholeRuns.class.getResourceAsStream("welford.py")) {
				if (in == null) return null;
				Files.copy(in, script, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (final IOException e) {
				return null;
			}
			return new ArrayList<>(Arrays.asList(python, script.toString()));
		}
		return null;
	}

	/** "2.5x" for how many times faster ours is than {@code other}, "-" if either is missing. */
	static String faster(final double other, final double ours) {
		return Double.isNaN(other) || Double.isNaN(ours) ? "-" : String.format(Locale.ROOT, "%.2fx",
			other / ours);
	}
}

package org.hotpixels.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hotpixels.find.FindResult;
import org.hotpixels.FindRequest;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.results.FindOutputs;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code hotpixels demo}: the whole job on a built-in series. Generates varied scenes with sensor
 * noise and planted defects, saves them as JPEG as a camera would (quality 90, 4:2:0 chroma),
 * runs find on the files and prints what it found beside what was planted.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, description = {
	"Generates a series of JPEG photos with planted stuck, hot, dead and cold " +
		"pixels, finds them, and compares the result with what was planted." })
final class DemoCommand implements Callable<Integer> {

	/** Marks a folder as the demo's own, so running the demo again may replace its files. */
	static final String MARKER = ".hotpixels-demo";

	@Option(names = { "-o", "--output" }, converter = OptionValues.NamedPath.class,
		paramLabel = "DIR", defaultValue = "hotpixels-demo",
		description = "Folder for the frames and results (default: ${DEFAULT-VALUE}).")
	Path output;

	@Option(names = "--frames", paramLabel = "N", defaultValue = "150",
		converter = OptionValues.Frames.class,
		description = "Number of photos (default: ${DEFAULT-VALUE}).")
	int frames;

	@Option(names = "--size", paramLabel = "WxH", defaultValue = "640x480",
		description = "Photo size (default: ${DEFAULT-VALUE}).")
	String size;

	@Option(names = "--seed", defaultValue = "2011",
		description = "Random seed (default: ${DEFAULT-VALUE}).")
	long seed;

	@Override
	public Integer call() throws IOException {
		final PrintStream out = System.out;
		final int[] wh = parseSize(size);
		claim(output);
		final SyntheticSeries series = SyntheticSeries.builder().size(wh[0], wh[1]).frames(frames).seed(
			seed).build();
		final Path framesDir = output.resolve("frames"), results = output.resolve("results");
		final ConsoleProgress progress = new ConsoleProgress(System.err);
		final FindResult result;
		final long start;
		try (CtrlC ignored = CtrlC.cancels(progress)) {
			out.printf(Locale.ROOT, "Generating %d photos of %dx%d with %d planted defects into %s ...%n",
				frames, wh[0], wh[1], series.planted().size(), framesDir);
			final List<Path> files = series.writeTo(framesDir, OutputFormat.JPEG, 90, progress);
			progress.finish();
			series.writePlanted(output.resolve("planted.csv"));
			start = System.nanoTime();
			result = HotPixelFinder.run(FindRequest.folder(framesDir.toString(), "*.jpg").output(results,
				true), progress);
			if (files.size() != frames) throw new IllegalStateException("frames");
		}
		finally {
			progress.finish();
		}
		FindCommand.summarize(result, (System.nanoTime() - start) / 1e9, out);
		report(series.planted(), result.defects(), out);
		out.println("Results: " + results.resolve(FindOutputs.DEFECTS) + " (and variance.tif, " +
			"mean.tif, lowest.csv); truth: " + output.resolve("planted.csv"));
		return 0;
	}

	private static void report(final List<PlantedDefect> planted, final List<Defect> found,
		final PrintStream out)
	{
		final Evaluation e = Evaluation.forFormat(planted, found, OutputFormat.JPEG);
		out.println();
		out.println(
			"Planted vs found (JPEG smears a defect over its neighbours; a match may be 2 px away):");
		out.println(String.format(Locale.ROOT, "  %-22s %9s %8s   %s", "planted", "at", "channel",
			"found"));
		for (final PlantedDefect p : planted) {
			final int k = e.found().indexOf(p);
			final Defect d = k < 0 ? null : e.closestMatches().get(k);
			out.println(String.format(Locale.ROOT, "  %-22s %9s %8s   %s", p.label(), p.x() + "," + p.y(),
				p.channel() < 0 ? "all" : channelName(p.channel()), d == null ? "MISSED" : d.kind()
					.label() + " at " + d.x() + "," + d.y() + " " + (d.channel() < 0 ? "all" : channelName(d
						.channel())) + (d.clusterSize() > 1 ? " (" + d.clusterSize() + " px)" : "")));
		}
		for (final Defect d : e.unmatchedDetections())
			out.println("  false positive: " + d);
		out.printf(Locale.ROOT,
			"Recall %.0f%% (%d of %d planted), precision %.0f%% (%d of %d found).%n", 100 * e.recall(), e
				.truePositives(), planted.size(), 100 * e.precision(), e.matchedDetections(), found.size());
	}

	private static String channelName(final int c) {
		return new String[]{ "red", "green", "blue" }[c];
	}

	private static int[] parseSize(final String s) {
		final String[] p = s.toLowerCase(Locale.ROOT).split("x");
		try {
			final int[] wh = { Integer.parseInt(p[0].trim()), Integer.parseInt(p[1].trim()) };
			if (p.length == 2 && wh[0] >= 32 && wh[1] >= 32 && wh[0] <= 8192 && wh[1] <= 8192) return wh;
		}
		catch (final RuntimeException e) {
			// fall through to the message
		}
		throw new HotPixelsException("--size " + s +
			": expected WIDTHxHEIGHT, from 32x32 to 8192x8192.");
	}

	/** Uses {@code dir} if it is new, empty, or an earlier demo's; never someone else's folder. */
	private static void claim(final Path dir) throws IOException {
		if (Files.exists(dir) && !Files.isDirectory(dir)) throw new HotPixelsException(dir +
			": exists and is not a folder.");
		if (Files.isDirectory(dir) && !Files.exists(dir.resolve(MARKER))) {
			try (java.util.stream.Stream<Path> s = Files.list(dir)) {
				if (s.findAny().isPresent()) throw new HotPixelsException(dir +
					": folder is not empty and not an earlier demo's; choose another with --output.");
			}
		}
		Files.createDirectories(dir);
		Files.write(dir.resolve(MARKER), "Made by ./hotpixels demo; safe to delete.\n".getBytes(
			java.nio.charset.StandardCharsets.UTF_8));
	}
}

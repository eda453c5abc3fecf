package org.hotpixels.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.FindRequest;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.correct.FileCorrectionResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.InputFiles;
import org.hotpixels.io.StatisticsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotpixels find}: statistics, defects and maps of a series of image files. */
@Command(name = "find", mixinStandardHelpOptions = true, description = {
	"Reads a series of images once and writes variance.tif, mean.tif, " +
		"defects.csv (detected defects), lowest.csv (lowest-variance pixels), " +
		"siril-cosmetic.lst (Siril's list) and report.html (a page to look at) to the output " +
		"folder; RAW series also get lists for dcraw and RawTherapee. 'hotpixels export' writes " +
		"other formats." }, footer = { "", "Examples:",
			"  hotpixels find ~/photos/d80 --output d80-defects",
			"  hotpixels find 'darks/*.tif' --output darks-out --sigma 4",
			"  hotpixels find night2 --resume n1.hps --save-state all.hps -o out", "" })
final class FindCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "INPUT",
		description = "Folders, image files (a multi-page TIFF is a series) or globs such as 'shots/*.jpg'.")
	List<String> inputs;

	@Option(names = { "-o", "--output" }, required = true, converter = OptionValues.NamedPath.class,
		paramLabel = "DIR", description = "Folder for the results (created if missing).")
	Path output;

	@Option(names = "--top", paramLabel = "N", defaultValue = "10",
		converter = OptionValues.Top.class,
		description = "Length of the lowest-variance ranking (default: ${DEFAULT-VALUE}).")
	int top;

	@Option(names = "--pattern", paramLabel = "GLOB", converter = OptionValues.Glob.class,
		description = "Only files of folders whose name matches, e.g. '*.NEF' (default: all images).")
	String pattern;

	@Option(names = "--sigma", paramLabel = "S", defaultValue = "" + DefectDetector.DEFAULT_SIGMA,
		converter = OptionValues.Sigma.class,
		description = "Detection threshold in robust standard deviations; lower finds fainter " +
			"defects and more false ones (default: ${DEFAULT-VALUE}).")
	double sigma;

	@Option(names = "--threads", paramLabel = "N", converter = OptionValues.Threads.class,
		description = "Worker threads, 1 to " + OptionValues.MAX_THREADS +
			" (default: all processors).")
	Integer threads;

	@Option(names = "--cfa", paramLabel = "PATTERN",
		description = "Treat frames as raw Bayer mosaics: RGGB, BGGR, GRBG or GBRG (RAW files " +
			"get theirs from the decoder).")
	CfaPattern cfa;

	@Option(names = "--skip-bad-frames",
		description = "Leave out frames that cannot be read or differ in size or type, and list them.")
	boolean skipBadFrames;

	@Option(names = "--overwrite", description = "Replace results already in the output folder.")
	boolean overwrite;

	@Option(names = "--correct", converter = OptionValues.NamedPath.class, paramLabel = "DIR",
		description = "Then repair the defects found in every input and write the corrected copies, " +
			"in the same format and under the same names, to this folder.")
	Path correct;

	@Mixin
	StateOptions state = new StateOptions();

	@Override
	public Integer call() {
		final PrintStream out = System.out;
		final InputFiles files = InputFiles.expand(inputs, pattern);
		final FindResult result;
		final long start = System.nanoTime();
		final FindOptions options = new FindOptions();
		options.sigma = sigma;
		options.topN = top;
		if (threads != null) options.threads = threads;
		options.cfa = cfa;
		options.skipBadFrames = skipBadFrames;
		final Extras extras = new Extras(files);
		final ConsoleProgress progress = new ConsoleProgress(System.err);
		try (CtrlC ignored = CtrlC.cancels(progress)) {
			result = HotPixelFinder.run(FindRequest.files(files).options(options).output(output,
				overwrite).resume(() -> extras.previous == null ? null : extras.previous.statistics).extras(
					extras), progress);
		}
		finally {
			progress.finish();
		}
		final double seconds = (System.nanoTime() - start) / 1e9;
		if (!files.skipped().isEmpty()) out.println("Left out " + files.skipped().size() +
			" file(s) that are not images, e.g. " + files.skipped().get(0).getFileName());
		for (final String s : result.skipped())
			out.println("Skipped: " + s);
		summarize(result, seconds, out);
		out.println("Wrote " + output.resolve(FindOutputs.VARIANCE) + ", " + FindOutputs.MEAN + ", " +
			FindOutputs.DEFECTS + ", " + FindOutputs.LOWEST + ", " + FindOutputs.SIRIL +
			" (for Siril's cosme), " + FindOutputs.REPORT + " (open it in a browser)" + (result
				.cfa() == null ? "" : ", " + FindOutputs.DCRAW + " (for dcraw -P) and *" +
					FindOutputs.RAWTHERAPEE_SUFFIX + " (for RawTherapee)"));
		if (result.cfa() != null) out.println("Sensor coordinates of the " + result.cfa() +
			" mosaic, as dcraw -D -t 0 shows it; detection used same-colour neighbours.");
		if (state.saveState != null) out.println("Saved the statistics of " + result.statistics()
			.frameCount() + " frames to " + state.saveState);
		if (extras.corrected != null) CorrectCommand.report(extras.corrected, out, System.err);
		return 0;
	}

	/**
	 * What the command line adds to the pipeline: the statistics file to resume and to save, and
	 * the corrected copies (--correct), written in the same commit as the results.
	 */
	private final class Extras implements FindRequest.Extras {

		private final InputFiles files;
		private FileCorrection correction;
		StatisticsFile.Saved previous;
		FileCorrectionResult corrected;

		Extras(final InputFiles files) {
			this.files = files;
		}

		@Override
		public List<Path> reads() {
			return state.resume == null ? Collections.<Path> emptyList() : Collections.singletonList(
				state.resume);
		}

		@Override
		public void guard(final OutputGuard guard) {
			state.guard(guard);
			correction = correctionJob(files, guard);
		}

		@Override
		public void locked(final OutputGuard guard) {
			for (final String note : guard.notes())
				System.err.println(note);
			previous = state.previous();
		}

		@Override
		public CfaPattern cfa(final CfaPattern given, final CfaPattern decoded) {
			return StateOptions.resumedCfa(state.resume, previous, given, decoded);
		}

		@Override
		public void stage(final FindResult found, final StagedFiles staged, final Progress p) {
			state.stage(staged, found.statistics(), found.cfa());
			if (correction == null) return;
			corrected = correction.cfa(found.cfa()).run(found.defects(), p, staged);
			if (corrected.cancelled()) throw new CancelledException();
		}
	}

	/** The --correct job, checked (and its targets guarded) before the long work starts; null without --correct. */
	private FileCorrection correctionJob(final InputFiles files, final OutputGuard guard) {
		if (correct == null) return null;
		if (OutputGuard.real(correct).equals(OutputGuard.real(output))) throw new HotPixelsException(
			correct + ": choose a folder for the corrected images other than the results folder.");
		final FileCorrection job = new FileCorrection(files.files(), correct).overwrite(overwrite)
			.skipBadFiles(skipBadFrames).defectsName("The defects found");
		CorrectCommand.guard(job, guard);
		return job;
	}

	/** A short human summary: frames, defects by kind, and the strongest defects. */
	static void summarize(final FindResult result, final double seconds, final PrintStream out) {
		out.printf(Locale.ROOT, "Read %d frames (%s) in %.1f s.%n", result.statistics().frameCount(),
			result.statistics().shapeLabel(), seconds);
		final Map<String, Integer> byKind = new TreeMap<>();
		for (final Defect d : result.defects())
			byKind.merge(d.kind().label(), 1, Integer::sum);
		final StringBuilder kinds = new StringBuilder();
		byKind.forEach((k, n) -> kinds.append(kinds.length() == 0 ? "" : ", ").append(n).append(' ')
			.append(k));
		out.println("Found " + result.defects().size() + " defect" + (result.defects().size() == 1 ? ""
			: "s") + (kinds.length() > 0 ? ": " + kinds : "") + ".");
		final int shown = Math.min(20, result.defects().size());
		if (shown > 0) out.println(String.format(Locale.ROOT, "%6s %6s %7s %5s %9s %9s %7s %5s", "x",
			"y", "channel", "kind", "mean", "variance", "score", "size"));
		for (final Defect d : result.defects().subList(0, shown))
			out.println(String.format(Locale.ROOT, "%6d %6d %7s %5s %9.1f %9.1f %7.1f %5d", d.x(), d.y(),
				d.channel() == Defect.ALL_CHANNELS ? "all" : "" + d.channel(), d.kind().label(), d.mean(), d
					.variance(), d.score(), d.clusterSize()));
		if (shown < result.defects().size()) out.println("... and " + (result.defects().size() -
			shown) + " more in defects.csv");
	}
}

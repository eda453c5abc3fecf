package org.hotpixels.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.io.IOErrors;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.stats.PixelStatistics;
import org.hotpixels.io.StatisticsFile;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code hotpixels merge}: combines statistics saved by {@code find --save-state} (parts of a
 * series read on different days, folders or machines) and writes the results of one find over
 * all their frames; for 8-bit, RGB and 16-bit data they are identical to one pass.
 */
@Command(name = "merge", mixinStandardHelpOptions = true, description = {
	"Merges statistics saved by 'find --save-state' and writes the results of " +
		"one find over all their frames." }, footer = { "", "Example:",
			"  hotpixels find part1/ --save-state part1.hps --output out1",
			"  hotpixels find part2/ --save-state part2.hps --output out2",
			"  hotpixels merge part1.hps part2.hps --output all" })
final class MergeCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", converter = OptionValues.NamedPath.class, paramLabel = "STATE",
		description = "Statistics files written by find --save-state.")
	List<Path> states;

	@Option(names = { "-o", "--output" }, required = true, converter = OptionValues.NamedPath.class,
		paramLabel = "DIR", description = "Folder for the results (created if missing).")
	Path output;

	@Option(names = "--save-state", converter = OptionValues.NamedPath.class, paramLabel = "FILE",
		description = "Also save the merged statistics to FILE.")
	Path saveState;

	@Option(names = "--top", paramLabel = "N", defaultValue = "10",
		converter = OptionValues.Top.class,
		description = "Length of the lowest-variance ranking (default: ${DEFAULT-VALUE}).")
	int top;

	@Option(names = "--sigma", paramLabel = "S", defaultValue = "" + DefectDetector.DEFAULT_SIGMA,
		converter = OptionValues.Sigma.class,
		description = "Detection threshold in robust standard deviations (default: ${DEFAULT-VALUE}).")
	double sigma;

	@Option(names = "--threads", paramLabel = "N", converter = OptionValues.Threads.class,
		description = "Worker threads, 1 to " + OptionValues.MAX_THREADS +
			" (default: all processors).")
	Integer threads;

	@Option(names = "--cfa", paramLabel = "PATTERN",
		description = "The frames were raw Bayer mosaics: RGGB, BGGR, GRBG or GBRG.")
	CfaPattern cfa;

	@Option(names = "--overwrite", description = "Replace results already in the output folder.")
	boolean overwrite;

	@Override
	public Integer call() {
		final PrintStream out = System.out;
		final long start = System.nanoTime();
		final PixelStatistics stats;
		final FindResult result;
		try (OutputGuard guard = new OutputGuard(overwrite)) {
			refuseDuplicates();
			guard.reads(states);
			for (final Path s : states)
				if (!Files.isRegularFile(s)) throw new HotPixelsException(s + (Files.isDirectory(s)
					? ": is a folder, not a statistics file." : Files.exists(s)
						? ": is not a regular file (a device, pipe or socket); refusing to read it."
						: ": no such statistics file."));
			FindOutputs.guard(guard, output);
			// merging into one of the merged files replaces it: only when asked for
			StateOptions.guardTarget(guard, saveState, overwrite ? states : Collections
				.<Path> emptyList());
			guard.lock();
			for (final String note : guard.notes())
				System.err.println(note);
			final StatisticsFile.Saved saved = StatisticsFile.readAndMergeSaved(states);
			stats = saved.statistics;
			if (stats.frameCount() < 2) throw new HotPixelsException(states.get(0) +
				": the statistics hold only " + stats.frameCount() +
				" frame; the variance needs at least two.");
			final FindOptions options = new FindOptions();
			options.sigma = sigma;
			options.topN = top;
			if (threads != null) options.threads = threads;
			options.cfa = StateOptions.resumedCfa(states.get(0), saved, cfa, null);
			final ConsoleProgress progress = new ConsoleProgress(System.err);
			try (CtrlC ignored = CtrlC.cancels(progress)) {
				result = HotPixelFinder.detect(stats, options, progress, Collections.emptyList());
				progress.progress(1, 1, "Writing results");
				try (StagedFiles staged = guard.staged(output)) {
					staged.cancelledBy(progress::isCancelled);
					FindOutputs.stage(result, output, null, staged);
					StateOptions.stage(staged, saveState, stats, options.cfa);
					progress.checkCancelled();
					FindOutputs.commit(staged, output);
				}
				catch (final IOException e) {
					throw new HotPixelsException(output + ": cannot remove the temporary files (" + IOErrors
						.reason(e) + ").", e);
				}
			}
			finally {
				progress.finish();
			}
		}
		out.println("Merged " + states.size() + " statistics file" + (states.size() == 1 ? "" : "s") +
			".");
		FindCommand.summarize(result, (System.nanoTime() - start) / 1e9, out);
		out.println("Wrote " + output.resolve(FindOutputs.VARIANCE) + ", " + FindOutputs.MEAN + ", " +
			FindOutputs.DEFECTS + ", " + FindOutputs.LOWEST);
		if (saveState != null) out.println("Saved the merged statistics of " + stats.frameCount() +
			" frames to " + saveState);
		return 0;
	}

	/** One statistics file named twice (also through a link) would count its frames twice. */
	private void refuseDuplicates() {
		final Map<Path, Path> seen = new HashMap<>();
		for (final Path s : states) {
			final Path other = seen.put(OutputGuard.real(s), s);
			if (other != null) throw new HotPixelsException(s + ": is given twice" + (other.equals(s) ? ""
				: " (also as " + other + ")") + "; its frames would count twice.");
		}
	}
}

package org.hotpixels.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.stats.PixelStatistics;
import org.hotpixels.io.StatisticsFile;

import picocli.CommandLine.Option;

/**
 * The {@code --save-state} and {@code --resume} options of {@code find}: a long series can be
 * read in parts (later, or on several machines) and its statistics resumed or merged.
 */
final class StateOptions {

	@Option(names = "--save-state", converter = OptionValues.NamedPath.class, paramLabel = "FILE",
		description = "Also save the accumulated statistics to FILE (e.g. part1.hps; a name ending " +
			"in .gz is compressed), to --resume or merge them later.")
	Path saveState;

	@Option(names = "--resume", converter = OptionValues.NamedPath.class, paramLabel = "FILE",
		description = "Add the frames to the statistics saved in FILE by --save-state, without " +
			"reading the earlier frames again.")
	Path resume;

	/**
	 * Checks the state file names before the long work starts and registers the file to save with
	 * the guard (resuming into the very file given to --resume may replace it).
	 */
	void guard(final OutputGuard guard) {
		guard.reads(resume);
		if (resume != null && !Files.isRegularFile(resume)) throw new HotPixelsException(resume + (Files
			.isDirectory(resume) ? ": is a folder, not a statistics file." : Files.exists(resume)
				? ": is not a regular file (a device, pipe or socket); refusing to read it."
				: ": no such statistics file."));
		guardTarget(guard, saveState, resume == null ? Collections.<Path> emptyList() : Collections
			.singletonList(resume));
	}

	/** The statistics to resume (with their CFA), or null. */
	StatisticsFile.Saved previous() {
		return resume == null ? null : StatisticsFile.readSaved(resume);
	}

	/**
	 * The colour filter array for a run resuming {@code saved}: the run's own ({@code given} by
	 * --cfa, else {@code decoded} from RAW files), which must match the saved one; without either,
	 * the saved one. Statistics of format 1 (CFA unknown) take the run's.
	 */
	static CfaPattern resumedCfa(final Path file, final StatisticsFile.Saved saved,
		final CfaPattern given, final CfaPattern decoded)
	{
		final CfaPattern run = given != null ? given : decoded;
		if (saved == null || !saved.cfaKnown) return run;
		if (given == null && decoded == null) return saved.cfa;
		if (run != saved.cfa) throw new HotPixelsException(file + ": the statistics are of " + saved
			.cfaLabel() + ", but this run reads " + StatisticsFile.Saved.label(run) + (given != null
				? " (--cfa " + given + ")" : "") + "; give the same --cfa as when they were saved.");
		return run;
	}

	/** Stages the statistics file, if asked for, with the other results of the run. */
	void stage(final StagedFiles files, final PixelStatistics stats, final CfaPattern cfa) {
		stage(files, saveState, stats, cfa);
	}

	static void stage(final StagedFiles files, final Path target, final PixelStatistics stats,
		final CfaPattern cfa)
	{
		if (target != null) FindOutputs.stage(files, target, out -> StatisticsFile.write(stats, cfa,
			out, StatisticsFile.isGzipName(target)));
	}

	/**
	 * Registers a statistics file to write with {@code guard}: not a folder, not an input (unless
	 * it is one of {@code replaceable}, the statistics being resumed), not an existing file
	 * without --overwrite; its folder is created and locked.
	 */
	static void guardTarget(final OutputGuard guard, final Path target,
		final List<Path> replaceable)
	{
		if (target == null) return;
		if (Files.isDirectory(target)) throw new HotPixelsException(target +
			": is a folder; name a file for the statistics, e.g. " + target.resolve("series" +
				StatisticsFile.EXTENSION) + ".");
		final Path real = OutputGuard.real(target);
		boolean resumed = false;
		for (final Path r : replaceable)
			resumed |= OutputGuard.real(r).equals(real);
		if (!resumed) guard.file(target, OutputGuard.NAMED);
		else {
			guard.mayReplace(target);
			guard.file(target, OutputGuard.NAMED);
		}
	}
}

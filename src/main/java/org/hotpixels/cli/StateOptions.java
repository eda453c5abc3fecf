package org.hotpixels.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;

import org.hotpixels.HotPixelsException;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.stats.PixelStatistics;
import org.hotpixels.stats.StatisticsFile;

import picocli.CommandLine.Option;

/**
 * The {@code --save-state} and {@code --resume} options of {@code find}: a long series can be
 * read in parts (later, or on several machines) and its statistics resumed or merged.
 */
final class StateOptions {

	@Option(names = "--save-state", paramLabel = "FILE",
		description = "Also save the accumulated statistics to FILE (e.g. part1.hps; a name ending "
			+ "in .gz is compressed), to --resume or merge them later.")
	Path saveState;

	@Option(names = "--resume", paramLabel = "FILE",
		description = "Add the frames to the statistics saved in FILE by --save-state, without "
			+ "reading the earlier frames again.")
	Path resume;

	/**
	 * Checks the state file names before the long work starts and registers the file to save with
	 * the guard (resuming into the very file given to --resume may replace it).
	 */
	void guard(final OutputGuard guard) {
		guard.reads(resume);
		if (resume != null && !Files.isRegularFile(resume)) throw new HotPixelsException(resume +
			": no such statistics file.");
		guardTarget(guard, saveState, resume == null ? Collections.<Path> emptyList()
			: Collections.singletonList(resume));
	}

	/** The statistics to resume, or null. */
	PixelStatistics previous() {
		return resume == null ? null : StatisticsFile.read(resume);
	}

	/** Stages the statistics file, if asked for, with the other results of the run. */
	void stage(final StagedFiles files, final PixelStatistics stats) {
		stage(files, saveState, stats);
	}

	static void stage(final StagedFiles files, final Path target, final PixelStatistics stats) {
		if (target != null) FindOutputs.stage(files, target, out -> StatisticsFile.write(stats, out,
			StatisticsFile.isGzipName(target)));
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

package org.hotpixels.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.hotpixels.HotPixelsException;
import org.hotpixels.io.IOConsumer;
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

	/** Checks the state file names before the long work starts. */
	void prepare(final boolean overwrite, final List<Path> inputs) {
		checkTarget(saveState, overwrite, resume, inputs);
		if (resume != null && !Files.isRegularFile(resume)) throw new HotPixelsException(resume +
			": no such statistics file.");
	}

	/** The statistics to resume, or null. */
	PixelStatistics previous() {
		return resume == null ? null : StatisticsFile.read(resume);
	}

	/** Adds the statistics file, if asked for, to the results written together. */
	IOConsumer<StagedFiles> saver(final PixelStatistics stats) {
		return saver(saveState, stats);
	}

	static IOConsumer<StagedFiles> saver(final Path target, final PixelStatistics stats) {
		return files -> {
			if (target != null) FindOutputs.stage(files, target, out -> StatisticsFile.write(stats, out,
				StatisticsFile.isGzipName(target)));
		};
	}

	/**
	 * Refuses a statistics file name that would replace an input image, a folder, or (unless
	 * {@code overwrite}, or it is the file being resumed) an existing file; creates its folder.
	 */
	static void checkTarget(final Path target, final boolean overwrite, final Path resumed,
		final List<Path> inputs)
	{
		if (target == null) return;
		final Path t = target.toAbsolutePath().normalize();
		if (Files.isDirectory(target)) throw new HotPixelsException(target +
			": is a folder; name a file for the statistics, e.g. " + target.resolve("series" +
				StatisticsFile.EXTENSION) + ".");
		for (final Path in : inputs)
			if (in.toAbsolutePath().normalize().equals(t)) throw new HotPixelsException(target +
				": is one of the input files; choose another name for the statistics.");
		final boolean same = resumed != null && resumed.toAbsolutePath().normalize().equals(t);
		if (Files.exists(target) && !overwrite && !same) throw new HotPixelsException(target +
			": already exists (choose another name, or allow overwriting with --overwrite).");
		final Path folder = t.getParent();
		if (folder != null) FindOutputs.createWritableFolder(folder);
	}
}

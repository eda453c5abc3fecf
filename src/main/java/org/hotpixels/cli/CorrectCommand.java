package org.hotpixels.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.correct.FileCorrectionResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.DefectLists;
import org.hotpixels.io.IOErrors;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.InputFiles;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hotpixels correct}: corrected copies of image files, under the same names. */
@Command(name = "correct", mixinStandardHelpOptions = true, description = {
	"Repairs the defects of a list in every input image and writes the corrected " +
		"copies under the same file names to the output folder; the originals are never changed. " +
		"Each defective pixel becomes the median of its good same-channel neighbours." }, footer = { "",
			"Examples:",
			"  hotpixels correct ~/photos/d80 --defects d80-out/defects.csv --output d80-fixed",
			"  hotpixels correct 'raw/*.NEF' --defects darks-out/defects.csv --output fixed", "" })
final class CorrectCommand implements Callable<Integer> {

	@Parameters(arity = "1..*", paramLabel = "INPUT",
		description = "Folders, image files or globs such as 'shots/*.jpg'.")
	List<String> inputs;

	@Option(names = { "-d", "--defects" }, required = true, converter = OptionValues.NamedPath.class,
		paramLabel = "FILE",
		description = "Defect list: defects.csv from find, a CSV with x and y columns, dcraw's -P " +
			"file, a RawTherapee .badpixels file, a Siril .lst list, or a mask image.")
	Path defects;

	@Option(names = { "-o", "--output" }, required = true, converter = OptionValues.NamedPath.class,
		paramLabel = "DIR",
		description = "Folder for the corrected copies (created if missing); not an input folder.")
	Path output;

	@Option(names = "--format", paramLabel = "FORMAT", defaultValue = "same",
		converter = OptionValues.OutputFormat.class,
		description = "same (default: TIFF and PNG stay exact, JPEG re-encodes only the 8x8 blocks " +
			"that hold a defect), tif or png.")
	Format format;

	@Option(names = "--cfa", paramLabel = "PATTERN",
		description = "Repair raw Bayer mosaics from same-colour neighbours: RGGB, BGGR, GRBG or GBRG " +
			"(camera RAW files: the decoder's pattern unless given).")
	CfaPattern cfa;

	@Option(names = "--pattern", paramLabel = "GLOB", converter = OptionValues.Glob.class,
		description = "Only files of folders whose name matches, e.g. '*.NEF' (default: all images).")
	String pattern;

	@Option(names = "--overwrite", description = "Replace files already in the output folder.")
	boolean overwrite;

	@Option(names = "--skip-bad-frames",
		description = "Leave out files that cannot be read or differ in size, and list them.")
	boolean skipBadFrames;

	@Override
	public Integer call() {
		final InputFiles files = InputFiles.expand(inputs, pattern);
		final FileCorrection job = new FileCorrection(files.files(), output).format(format).cfa(cfa)
			.overwrite(overwrite).skipBadFiles(skipBadFrames).defectsName(String.valueOf(defects
				.getFileName()));
		final FileCorrectionResult result;
		try (OutputGuard guard = new OutputGuard(overwrite)) {
			guard.reads(defects);
			guard(job, guard);
			guard.lock();
			for (final String note : guard.notes())
				System.err.println(note);
			final List<Defect> list = read(defects);
			if (!files.skipped().isEmpty()) System.out.println("Left out " + files.skipped().size() +
				" file(s) that are not images, e.g. " + files.skipped().get(0).getFileName());
			final ConsoleProgress progress = new ConsoleProgress(System.err);
			try (CtrlC ignored = CtrlC.cancels(progress); StagedFiles staged = guard.staged(output)) {
				staged.cancelledBy(progress::isCancelled);
				result = job.run(list, progress, staged);
				if (result.cancelled()) throw new CancelledException();
				FindOutputs.commit(staged, output);
			}
			catch (final IOException e) {
				throw new HotPixelsException(output + ": cannot remove the temporary files (" + IOErrors
					.reason(e) + ").", e);
			}
			finally {
				progress.finish();
			}
		}
		report(result, System.out, System.err);
		return 0;
	}

	/**
	 * Checks a correction job's targets (refusing an input folder, two inputs with one output name,
	 * an existing output without --overwrite) and registers them with {@code guard}.
	 */
	static void guard(final FileCorrection job, final OutputGuard guard) {
		final List<Path> targets = job.check();
		guard.images(job.inputs());
		guard.folder(job.folder());
		for (final Path t : targets)
			guard.file(t, OutputGuard.RESULTS);
	}

	/** Reads a defect list, turning I/O errors into one-line messages. */
	static List<Defect> read(final Path file) {
		if (Files.exists(file) && !Files.isRegularFile(file) && !Files.isDirectory(file))
			throw new HotPixelsException(file +
				": is not a regular file (a device, pipe or socket); refusing to read it.");
		try {
			return DefectLists.read(file);
		}
		catch (final IOException e) {
			throw new HotPixelsException(file + ": cannot be read (" + e.getMessage() + ").", e);
		}
	}

	/** Prints a committed correction's warnings, notes and summary. */
	static void report(final FileCorrectionResult result, final PrintStream out,
		final PrintStream err)
	{
		for (final String w : result.warnings())
			err.println("Warning: " + w);
		for (final String s : result.skipped())
			out.println("Skipped: " + s);
		out.println(result.summary());
	}
}

package org.hotpixels.results;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.hotpixels.FindResult;
import org.hotpixels.HotPixelsException;
import org.hotpixels.detect.LowVariancePixel;
import org.hotpixels.io.DcrawBadPixels;
import org.hotpixels.io.DefectCsv;
import org.hotpixels.io.IOConsumer;
import org.hotpixels.io.IOErrors;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.RawTherapeeBadPixels;
import org.hotpixels.io.SirilCosmeticList;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.io.TiffWriter;

/**
 * Writes the files of a find run into a folder: {@code variance.tif}, {@code mean.tif}
 * (32-bit, one slice per channel), {@code defects.csv}, {@code lowest.csv},
 * {@code siril-cosmetic.lst} and {@code report.html}. The files are
 * written under temporary names and renamed only when all of them are complete, so a failed or
 * cancelled run never leaves a truncated file, or a mix of old and new results, under the final
 * names.
 */
public final class FindOutputs {

	public static final String VARIANCE = "variance.tif";
	public static final String MEAN = "mean.tif";
	public static final String DEFECTS = "defects.csv";
	public static final String LOWEST = "lowest.csv";
	/** The defects as Siril's cosmetic-correction list (bad pixel map), for {@code cosme}. */
	public static final String SIRIL = "siril-cosmetic.lst";
	/** A self-contained page with the maps, the strongest defects and the scores. */
	public static final String REPORT = "report.html";
	/** For raw mosaics: the defects as dcraw's {@code -P} dead pixel list. */
	public static final String DCRAW = "dcraw-badpixels.txt";
	/** For raw mosaics: RawTherapee's bad pixel list, named {@code <Make Model>.badpixels}. */
	public static final String RAWTHERAPEE_SUFFIX = ".badpixels";

	private FindOutputs() {}

	/** The files a run writes into {@code folder}. */
	public static List<Path> files(final Path folder) {
		final List<Path> out = new ArrayList<>();
		for (final String name : new String[] { VARIANCE, MEAN, DEFECTS, LOWEST, SIRIL, REPORT })
			out.add(folder.resolve(name));
		return out;
	}

	/**
	 * Refuses an output folder that is, or lies inside, a folder holding input files (symbolic
	 * links resolved): results would mix with (or be read back as) the images.
	 */
	public static void notInsideInputs(final Path output, final List<Path> inputs) {
		final Path out = OutputGuard.real(output);
		for (final Path in : inputs) {
			final Path folder = OutputGuard.real(in).getParent();
			if (folder != null && out.startsWith(folder)) throw new HotPixelsException(output +
				": output folder is the input folder or inside it; choose a folder elsewhere.");
		}
	}

	/**
	 * Refuses to replace existing results unless {@code overwrite}, and creates the folder.
	 * Call before the long work starts, so a mistake is reported at once.
	 */
	public static void prepare(final Path folder, final boolean overwrite) {
		if (Files.exists(folder) && !Files.isDirectory(folder)) throw new HotPixelsException(folder +
			": exists and is not a folder.");
		final OutputGuard guard = new OutputGuard(overwrite);
		for (final Path f : files(folder))
			guard.check(f);
		createWritableFolder(folder);
	}

	/**
	 * Registers the results folder and its files with {@code guard} (see {@link OutputGuard}):
	 * every check a run makes before it reads the first frame.
	 */
	public static void guard(final OutputGuard guard, final Path folder) {
		guard.folder(folder);
		for (final Path f : files(folder))
			guard.file(f, OutputGuard.RESULTS);
	}

	/**
	 * Creates {@code folder} (and its parents) if missing and checks, by creating and deleting a
	 * hidden file in it, that files can be written there.
	 */
	public static void createWritableFolder(final Path folder) {
		OutputGuard.createWritableFolder(folder);
	}

	/**
	 * The guard of a run that saves its results in {@code folder}, as the command line has it:
	 * every result path checked against the {@code images} read (symbolic links resolved), the
	 * folder locked against a second run; close it when the run has ended.
	 *
	 * <pre>{@code
	 * try (OutputGuard guard = FindOutputs.guarded(folder, overwrite, imageFiles)) {
	 *     FindResult r = HotPixelFinder.find(source, options, progress);
	 *     FindOutputs.write(r, folder, camera, guard);
	 * }
	 * }</pre>
	 */
	public static OutputGuard guarded(final Path folder, final boolean overwrite,
		final Collection<Path> images)
	{
		final OutputGuard guard = new OutputGuard(overwrite);
		try {
			guard.images(images);
			guard(guard, folder);
			guard.lock();
			return guard;
		}
		catch (final RuntimeException e) {
			guard.close();
			throw e;
		}
	}

	/** Writes all the files in one commit under {@code guard} (see {@link #guarded}). */
	public static void write(final FindResult result, final Path folder, final String camera,
		final OutputGuard guard)
	{
		try (StagedFiles staged = guard.staged(folder)) {
			stage(result, folder, camera, staged);
			commit(staged, folder);
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot remove the temporary files (" + e
				.getMessage() + ").", e);
		}
	}

	/** Writes all the files; if one of them cannot be written, none appears. */
	public static void write(final FindResult result, final Path folder) {
		write(result, folder, null);
	}

	/**
	 * Writes all the files; for a raw mosaic ({@link FindResult#cfa()} set) also the defect lists
	 * of dcraw ({@value #DCRAW}) and RawTherapee ({@code <camera>.badpixels}), so raw converters
	 * repair the pixels while developing. If one of them cannot be written, none appears.
	 */
	public static void write(final FindResult result, final Path folder, final String camera) {
		write(result, folder, camera, files -> {});
	}

	/**
	 * Writes the files of {@link #write(FindResult, Path, String)} and whatever {@code more} adds
	 * to the group (a statistics file), all or none: each goes to a temporary name first and all
	 * are renamed once every one is complete. A failure is a {@link HotPixelsException} naming
	 * the file.
	 */
	public static void write(final FindResult result, final Path folder, final String camera,
		final IOConsumer<StagedFiles> more)
	{
		try (StagedFiles files = new StagedFiles()) {
			stage(result, folder, camera, files);
			more.accept(files);
			files.commit();
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot write the results (" + IOErrors.reason(e) +
				").", e);
		}
	}

	/**
	 * Stages the files of {@link #write(FindResult, Path, String)} into {@code files}, to be
	 * committed with the other results of the run.
	 */
	public static void stage(final FindResult result, final Path folder, final String camera,
		final StagedFiles files)
	{
		if (result.cfa() != null) {
			stage(files, folder.resolve(DCRAW), out -> text(out, w -> DcrawBadPixels.write(w, result
				.defects())));
			stage(files, folder.resolve((camera == null || camera.trim().isEmpty() ? "camera" : camera
				.trim()) + RAWTHERAPEE_SUFFIX), out -> text(out, w -> RawTherapeeBadPixels.write(w,
					result.defects())));
		}
		// report.html (its pictures, PNG encoded) is rendered on a second thread meanwhile: about
		// as long as the two maps, so a 2-core machine writes the results in half the time
		final FutureTask<byte[]> report = new FutureTask<>(() -> {
			final ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 20);
			text(bytes, w -> HtmlReport.write(w, result));
			return bytes.toByteArray();
		});
		final Thread reporter = new Thread(report, "hotpixels-report");
		reporter.setDaemon(true);
		reporter.start();
		try {
			stageMapsAndLists(result, folder, files);
			stage(files, folder.resolve(REPORT), out -> out.write(done(report)));
		}
		finally {
			report.cancel(true);
		}
	}

	private static void stageMapsAndLists(final FindResult result, final Path folder,
		final StagedFiles files)
	{
		stage(files, folder.resolve(VARIANCE), out -> TiffWriter.write(ResultImages.varianceMap(
			result.statistics(), result.defects()), out));
		stage(files, folder.resolve(MEAN), out -> TiffWriter.write(ResultImages.meanMap(result
			.statistics()), out));
		stage(files, folder.resolve(DEFECTS), out -> text(out, w -> DefectCsv.write(w, result
			.defects(), result.cfa())));
		stage(files, folder.resolve(LOWEST), out -> text(out, w -> writeLowest(w, result.lowest())));
		stage(files, folder.resolve(SIRIL), out -> text(out, w -> SirilCosmeticList.write(w, result
			.defects(), result.statistics().width(), result.statistics().height())));
	}

	/** The result of a task, its failure rethrown as it was thrown. */
	private static byte[] done(final FutureTask<byte[]> task) throws IOException {
		try {
			return task.get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new java.io.InterruptedIOException("interrupted while the report was rendered");
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause();
			if (cause instanceof IOException) throw (IOException) cause;
			if (cause instanceof RuntimeException) throw (RuntimeException) cause;
			if (cause instanceof Error) throw (Error) cause;
			throw new IOException(cause);
		}
	}

	/**
	 * Commits staged files, turning a failure into one sentence naming the folder (a file refused
	 * by the last check keeps its own sentence).
	 */
	public static void commit(final StagedFiles files, final Path folder) {
		try {
			files.commit();
		}
		catch (final IOException e) {
			throw new HotPixelsException(folder + ": cannot write the results (" + IOErrors.reason(e) +
				").", e);
		}
	}

	/** Stages one file, naming it when it cannot be written. */
	public static void stage(final StagedFiles files, final Path target,
		final IOConsumer<OutputStream> body)
	{
		try {
			files.write(target, body);
		}
		catch (final IOException e) {
			throw new HotPixelsException(target + ": cannot be written (" + IOErrors.reason(e) + ").",
				e);
		}
	}

	private static void text(final OutputStream out, final IOConsumer<Writer> body)
		throws IOException
	{
		final Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		body.accept(w);
		w.flush();
	}

	/** The lowest-variance ranking as CSV (columns as in {@link ResultTables#lowest}). */
	public static void writeLowest(final Writer w, final List<LowVariancePixel> lowest)
		throws IOException
	{
		w.write("rank,x,y,channel,variance,mean,min,max,neighbour_variance,variance_ratio\n");
		for (final LowVariancePixel p : lowest)
			w.write(String.format(Locale.ROOT, "%d,%d,%d,%d,%s,%s,%s,%s,%s,%s%n", p.rank(), p.x(), p
				.y(), p.channel(), num(p.variance()), num(p.mean()), num(p.min()), num(p.max()), num(p
					.neighbourVariance()), num(p.varianceRatio())));
	}

	private static String num(final double v) {
		if (Double.isNaN(v)) return "";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return Long.toString((long) v);
		return String.format(Locale.ROOT, "%.6g", v);
	}
}

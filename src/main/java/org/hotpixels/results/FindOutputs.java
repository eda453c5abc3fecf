package org.hotpixels.results;

import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.hotpixels.find.FindResult;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.DcrawBadPixels;
import org.hotpixels.io.DefectCsv;
import org.hotpixels.io.IOConsumer;
import org.hotpixels.io.IOErrors;
import org.hotpixels.io.LowestVarianceCsv;
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
		for (final String name : new String[]{ VARIANCE, MEAN, DEFECTS, LOWEST, SIRIL, REPORT })
			out.add(folder.resolve(name));
		return out;
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
				.trim()) + RAWTHERAPEE_SUFFIX), out -> text(out, w -> RawTherapeeBadPixels.write(w, result
					.defects())));
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
		stage(files, folder.resolve(VARIANCE), out -> TiffWriter.write(ResultImages.varianceMap(result),
			out));
		stage(files, folder.resolve(MEAN), out -> TiffWriter.write(ResultImages.meanMap(result), out));
		stage(files, folder.resolve(DEFECTS), out -> text(out, w -> DefectCsv.write(w, result.defects(),
			result.cfa())));
		stage(files, folder.resolve(LOWEST), out -> text(out, w -> LowestVarianceCsv.write(w, result
			.lowest())));
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
			throw new HotPixelsException(target + ": cannot be written (" + IOErrors.reason(e) + ").", e);
		}
	}

	private static void text(final OutputStream out, final IOConsumer<Writer> body)
		throws IOException
	{
		final Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
		body.accept(w);
		w.flush();
	}
}

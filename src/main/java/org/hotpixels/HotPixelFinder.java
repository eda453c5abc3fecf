package org.hotpixels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.detect.RankedPixel;
import org.hotpixels.detect.LowestVarianceRanking;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.OutputGuard;
import org.hotpixels.io.StagedFiles;
import org.hotpixels.progress.Progress;
import org.hotpixels.results.FindOutputs;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.FrameStream;
import org.hotpixels.stats.PixelStatistics;

/**
 * The whole "find" job without any user interface, the one pipeline of the command line, the
 * SciJava command and the ImageJ 1 plugin: {@link #run} takes a {@link FindRequest} (what to
 * read, the settings, where to save) and returns the {@link FindResult}. Underneath,
 * {@link #find} streams the frames once into {@link PixelStatistics}, then detects defects and
 * ranks the lowest-variance pixels.
 *
 * <pre>{@code
 * FindResult r = HotPixelFinder.run(FindRequest.folder("/data/d80", "*.jpg")
 *     .output(Paths.get("/data/d80-defects"), false), Progress.NONE);
 * r.defects().forEach(System.out::println);
 * }</pre>
 */
public final class HotPixelFinder {

	private HotPixelFinder() {}

	/**
	 * The whole job of every front end, for one {@link FindRequest}: checks every file it will
	 * write and locks their folders (before the first frame is read), opens the input, finds, and
	 * writes all result files in one commit (none when one fails or the user cancels). The
	 * colour filter pattern is the source's own unless the options name one.
	 *
	 * @throws HotPixelsException with one sentence for a user's mistake
	 * @throws CancelledException when {@code progress} says the user cancelled
	 */
	public static FindResult run(final FindRequest request, final Progress progress) {
		final Path output = request.output();
		final FindRequest.Extras extras = request.extras();
		try (OutputGuard guard = new OutputGuard(request.overwrite())) {
			guard.images(request.images()).reads(extras.reads());
			if (output != null) FindOutputs.guard(guard, output);
			extras.guard(guard);
			guard.lock();
			extras.locked(guard);
			try (FrameSource source = request.open()) {
				final FindOptions options = request.options();
				options.cfa = extras.cfa(options.cfa, source.cfaPattern());
				final FindResult result;
				try {
					result = find(source, options, progress, request.previous());
				}
				catch (final HotPixelsException e) {
					throw extras.whileReading(e);
				}
				if (output != null) write(result, output, source.camera(), guard, extras, progress);
				return result;
			}
		}
	}

	/** Stages the results and the extras' files, then commits them all or none. */
	private static void write(final FindResult result, final Path output, final String camera,
		final OutputGuard guard, final FindRequest.Extras extras, final Progress progress)
	{
		progress.progress(1, 1, "Writing results");
		try (StagedFiles staged = guard.staged(output)) {
			staged.cancelledBy(progress::isCancelled);
			FindOutputs.stage(result, output, camera, staged);
			extras.stage(result, staged, progress);
			progress.checkCancelled();
			FindOutputs.commit(staged, output);
		}
		catch (final IOException e) {
			throw new HotPixelsException(output + ": cannot remove the temporary files (" + e
				.getMessage() + ").", e);
		}
	}

	/** Runs find on a series (without saving anything). */
	public static FindResult find(final FrameSource source, final FindOptions options,
		final Progress progress)
	{
		return find(source, options, progress, null);
	}

	/**
	 * Runs find, adding the frames to {@code previous} statistics (from an earlier run, to resume
	 * a long series) when not null.
	 */
	public static FindResult find(final FrameSource source, final FindOptions options,
		final Progress progress, final PixelStatistics previous)
	{
		return withThreads(options.threads, () -> {
			final StatisticsAndSkips acc = accumulate(source, options, progress, previous);
			return detect(acc.stats, options, progress, acc.skipped);
		});
	}

	/** Detection and ranking on statistics that are already accumulated (or merged). */
	public static FindResult detect(final PixelStatistics stats, final FindOptions options,
		final Progress progress, final List<String> skipped)
	{
		return withThreads(options.threads, () -> {
			final List<Defect> defects = new DefectDetector(options.sigma, options.cfa).detect(stats,
				progress);
			progress.checkCancelled();
			// the variance maps the ranking looks through are the ones written to variance.tif
			final float[][] varianceMaps = new float[stats.channels()][];
			final List<RankedPixel> lowest = LowestVarianceRanking.rank(stats, options.topN, c -> {
				if (varianceMaps[c] == null) varianceMaps[c] = stats.varianceMap(c);
				return varianceMaps[c];
			});
			progress.checkCancelled();
			return new FindResult(stats, defects, lowest, skipped, options.cfa, options, varianceMaps);
		});
	}

	/**
	 * Runs {@code work} with ImgLib2's {@link Parallelization} set to {@code threads}, and lets a
	 * user's mistake or a cancellation out as itself rather than wrapped by the executor.
	 */
	public static <R> R withThreads(final int threads, final Callable<R> work) {
		try {
			return Parallelization.runWithNumThreads(Math.max(1, threads), work);
		}
		catch (final RuntimeException e) {
			for (Throwable t = e; t != null; t = t.getCause())
				if (t instanceof HotPixelsException || t instanceof CancelledException)
					throw (RuntimeException) t;
			throw e;
		}
	}

	private static final class StatisticsAndSkips {

		PixelStatistics stats;
		List<String> skipped;
	}

	private static StatisticsAndSkips accumulate(final FrameSource source, final FindOptions options,
		final Progress progress, final PixelStatistics previous)
	{
		if (source.size() == 0) throw new HotPixelsException("The series has no frames.");
		final StatisticsAndSkips out = new StatisticsAndSkips();
		out.stats = previous;
		try (FrameStream stream = new FrameStream(source, options.threads, options.skipBadFrames,
			progress))
		{
			final int batchSize = options.batchSizeFor(source);
			for (List<Frame> batch; !(batch = stream.next(batchSize)).isEmpty();) {
				if (out.stats == null) out.stats = PixelStatistics.like(batch.get(0), options.cfa != null);
				else checkCompatible(out.stats, batch.get(0), options);
				out.stats.addAll(batch);
			}
			out.skipped = stream.skipped();
		}
		if (out.stats == null) throw new HotPixelsException(source.name(0) +
			": no frame of the series could be read" + (out.skipped.isEmpty() ? "." : "; the first " +
				"problem: " + out.skipped.get(0)));
		if (out.stats.frameCount() < 2) throw new HotPixelsException(source.name(0) + ": only " +
			out.stats.frameCount() + " frame" + (source.size() > 1 ? " of " + source.size() +
				" could be read" : " in the series") + ", but the variance needs at least two frames.");
		return out;
	}

	private static void checkCompatible(final PixelStatistics stats, final Frame frame,
		final FindOptions options)
	{
		if (frame.type() != stats.type() || frame.width() != stats.width() || frame.height() != stats
			.height() || frame.channels() != stats.channels()) throw new HotPixelsException(frame.name() +
				": is " + frame.shapeLabel() + ", but the saved statistics are " + stats.shapeLabel() +
				".");
		if (stats.residualReach() != PixelStatistics.defaultReach(frame.type(), options.cfa != null))
			throw new HotPixelsException(frame.name() + ": the saved statistics were made " +
				(options.cfa == null ? "with a colour filter pattern (--cfa); give the same one"
					: "without a colour filter " + "pattern (--cfa); leave it out") +
				" to add these frames.");
	}
}

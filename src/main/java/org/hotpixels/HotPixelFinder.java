package org.hotpixels;

import java.util.List;
import java.util.concurrent.Callable;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectDetector;
import org.hotpixels.detect.LowVariancePixel;
import org.hotpixels.detect.LowestVariance;
import org.hotpixels.progress.CancelledException;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.FrameStream;
import org.hotpixels.stats.PixelStatistics;

/**
 * The whole "find" job without any user interface: streams the frames once into
 * {@link PixelStatistics}, then detects defects and ranks the lowest-variance pixels.
 *
 * <pre>{@code
 * FindResult r = HotPixelFinder.find(new FileSeriesSource(files), new FindOptions(), Progress.NONE);
 * r.defects().forEach(System.out::println);
 * }</pre>
 */
public final class HotPixelFinder {

	/**
	 * Frames per batch of an open stack: its frames cost no memory to hold, and accumulating many
	 * per tile pass is 1.5-2x faster than batches of 8 (measured by {@code hotpixels bench}).
	 */
	static final int IN_MEMORY_BATCH = 128;

	private HotPixelFinder() {}

	/** Runs find on a series. */
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
			final List<LowVariancePixel> lowest = LowestVariance.rank(stats, options.topN);
			progress.checkCancelled();
			return new FindResult(stats, defects, lowest, skipped, options.cfa, options);
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

	private static StatisticsAndSkips accumulate(final FrameSource source,
		final FindOptions options, final Progress progress, final PixelStatistics previous)
	{
		if (source.size() == 0) throw new HotPixelsException("The series has no frames.");
		final StatisticsAndSkips out = new StatisticsAndSkips();
		out.stats = previous;
		try (FrameStream stream = new FrameStream(source, options.threads, options.skipBadFrames,
			progress))
		{
			final int batchSize = source.inMemory() ? IN_MEMORY_BATCH : Math.max(1, options.batchSize);
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
			.height() || frame.channels() != stats.channels()) throw new HotPixelsException(frame
				.name() + ": is " + frame.shapeLabel() + ", but the saved statistics are " + stats
					.shapeLabel() + ".");
		if (stats.residualReach() != PixelStatistics.defaultReach(frame.type(), options.cfa != null))
			throw new HotPixelsException(frame.name() + ": the saved statistics were made " + (options.cfa == null
				? "with a colour filter pattern (--cfa); give the same one" : "without a colour filter " +
					"pattern (--cfa); leave it out") + " to add these frames.");
	}
}

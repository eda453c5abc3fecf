package org.hotpixels.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;

import net.imglib2.parallel.Parallelization;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.ZProjector;

import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.ImagePlusFrameSource;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * Case (a), run inside a child JVM: an open stack in memory, per pixel type. Times the read
 * floor, the least work a variance needs ({@link VarianceFloor}), our statistics pass alone, our
 * whole find, detection alone, and ImageJ 1's {@code ZProjector} standard deviation, all on the
 * same stack, each once per round (find and detection in the first {@code findRepeats} rounds),
 * and reports the best of each.
 *
 * <pre>{@code
 * StackBench.run(PixelType.GRAY16, 2048, 2048, 100, 3, 2, 2);
 * }</pre>
 */
final class StackBench {

	private StackBench() {}

	/** Measures one stack and reports one result line per method. */
	static void run(final PixelType type, final int w, final int h, final int frames,
		final int repeats, final int findRepeats, final int threads)
	{
		final DemoSeries series = series(type, w, h, frames);
		final ImagePlus image = stack(series, threads);
		final String label = type.label() + " " + w + "x" + h + "x" + frames;
		final FindOptions options = new FindOptions();
		options.threads = threads;

		final PixelStatistics[] stats = new PixelStatistics[1];
		// the batch find uses on an open stack
		final int batch = options.batchSizeFor(new ImagePlusFrameSource(image));
		// untimed passes first: the JIT's warm-up would otherwise be charged to whichever method
		// comes first (find compiles the detector's code)
		statistics(image, options.threads, batch);
		statistics(image, options.threads, frames);
		HotPixelFinder.find(new ImagePlusFrameSource(image), options, Progress.NONE);
		// every method once per round, so that a slower spell of a shared machine falls on all
		// of them and not on one; the best of each
		final Best floor = new Best(), varianceFloor = new Best(), statistics = new Best(), oneBatch =
			new Best(), find = new Best(), detect = new Best(), zprojector = new Best();
		final FindResult[] found = new FindResult[1];
		final ImagePlus[] sd = new ImagePlus[1];
		for (int round = 0; round < Math.max(repeats, findRepeats); round++) {
			if (round < repeats) {
				floor.time(() -> ReadFloor.sum(image.getStack(), threads));
				varianceFloor.time(() -> VarianceFloor.sums(image.getStack(), threads));
				statistics.time(() -> stats[0] = statistics(image, options.threads, batch));
				oneBatch.time(() -> statistics(image, options.threads, frames));
				zprojector.time(() -> sd[0] = ZProjector.run(image, "sd"));
			}
			if (round < findRepeats) {
				find.time(() -> found[0] = HotPixelFinder.find(new ImagePlusFrameSource(image), options,
					Progress.NONE));
				detect.time(() -> HotPixelFinder.detect(stats[0], options, Progress.NONE, Collections
					.emptyList()));
			}
		}
		final String agreement = type == PixelType.RGB ? "" : agreement(stats[0], sd[0]);
		ChildJvm.report("stack", label, "method", "floor", "seconds", floor.seconds, "samples",
			(long) w * h * frames * type.channelsPerPlane());
		ChildJvm.report("stack", label, "method", "variance floor", "seconds", varianceFloor.seconds);
		ChildJvm.report("stack", label, "method", "statistics", "seconds", statistics.seconds, "check",
			SampledCheck.of(stats[0], image), "batch", batch);
		ChildJvm.report("stack", label, "method", "one batch", "seconds", oneBatch.seconds, "batch",
			frames);
		ChildJvm.report("stack", label, "method", "detection", "seconds", detect.seconds);
		ChildJvm.report("stack", label, "method", "find", "seconds", find.seconds, "defects", found[0]
			.defects().size(), "planted", series.planted().size());
		ChildJvm.report("stack", label, "method", "zprojector", "seconds", zprojector.seconds,
			"agreement", agreement);
	}

	/** Our statistics pass over the open stack, in batches, without the decode-ahead stream. */
	private static PixelStatistics statistics(final ImagePlus image, final int threads,
		final int batchSize)
	{
		return Parallelization.runWithNumThreads(threads, () -> {
			final FrameSource source = new ImagePlusFrameSource(image);
			final PixelStatistics stats = PixelStatistics.like(source.read(0));
			final List<Frame> batch = new ArrayList<>();
			for (int i = 0; i < source.size(); i++) {
				batch.add(source.read(i));
				if (batch.size() == batchSize || i == source.size() - 1) {
					stats.addAll(batch);
					batch.clear();
				}
			}
			return stats;
		});
	}

	/** Largest relative difference between ZProjector's SD and the square root of our variance. */
	private static String agreement(final PixelStatistics stats, final ImagePlus sd) {
		final float[] zp = (float[]) sd.getProcessor().getPixels();
		double worst = 0;
		for (int i = 0; i < zp.length; i += 97) {
			final double ours = Math.sqrt(stats.variance(i));
			worst = Math.max(worst, Math.abs(ours - zp[i]) / Math.max(1e-9, ours));
		}
		return String.format(java.util.Locale.ROOT, "%.1e", worst);
	}

	/**
	 * The demo's synthetic series of this type, seed 7: photo-like scenes for 8-bit and RGB
	 * ({@link SyntheticSeries}), dark frames for 16 and 32 bits ({@link DarkFrameSeries}).
	 */
	static DemoSeries series(final PixelType type, final int w, final int h, final int frames) {
		if (type == PixelType.GRAY8 || type == PixelType.RGB) return SyntheticSeries.builder().size(w,
			h).frames(frames).seed(7).pixelType(type).build();
		return DarkFrameSeries.builder().size(w, h).frames(frames).seed(7).pixelType(type).build();
	}

	/** The frames of {@code series} as an open stack, made on {@code threads} threads. */
	static ImagePlus stack(final DemoSeries series, final int threads) {
		final Frame[] frames = new Frame[series.size()];
		Parallelization.runWithNumThreads(threads, () -> Parallelization.getTaskExecutor().forEach(
			range(frames.length), k -> frames[k] = series.frame(k)));
		final ImageStack stack = new ImageStack(series.width(), series.height());
		for (final Frame f : frames)
			stack.addSlice(f.name(), f.plane(0));
		return new ImagePlus("bench " + series.pixelType().label(), stack);
	}

	static List<Integer> range(final int n) {
		final List<Integer> out = new ArrayList<>(n);
		for (int k = 0; k < n; k++)
			out.add(k);
		return out;
	}

	/** The best wall-clock time, in seconds, of the runs timed so far. */
	static final class Best {

		double seconds = Double.POSITIVE_INFINITY;

		void time(final Callable<?> task) {
			final long start = System.nanoTime();
			try {
				task.call();
			}
			catch (final Exception e) {
				throw new IllegalStateException(e);
			}
			seconds = Math.min(seconds, (System.nanoTime() - start) / 1e9);
		}
	}
}

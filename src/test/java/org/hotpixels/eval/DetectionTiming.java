package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

import ij.ImagePlus;
import ij.ImageStack;
import ij.plugin.ZProjector;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.find.FindOptions;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.ImagePlusFrameSource;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;

/**
 * Times detection and ranking against the statistics pass on the same in-memory frames, in one
 * JVM, interleaved and repeated; prints the best time of each and their ratio, by wall clock and
 * by the process's CPU time (which a shared machine disturbs less). Not a test: only ratios
 * within one run mean anything.
 * <p>
 * Series: {@code sensor} (16-bit, a smooth drifting light, read noise, a few hot and stuck pixels
 * and a column segment), or the benchmark's stacks: {@code dark16} and {@code dark32} (dark
 * frames), {@code photo8} and {@code rgb} (photo-like scenes). With {@code stack}, it also times
 * the whole find on the frames as an open ImageJ stack against ImageJ's Z Project (Standard
 * Deviation) on the same stack.
 *
 * <pre>{@code
 * java -cp target/classes:target/test-classes:CLASSPATH org.hotpixels.eval.DetectionTiming \
 *     2048 2048 40 3 [threads] [sensor|dark16|dark32|photo8|rgb] [stack]
 * }</pre>
 */
public final class DetectionTiming {

	public static void main(final String[] args) {
		final int w = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
		final int h = args.length > 1 ? Integer.parseInt(args[1]) : 2048;
		final int frames = args.length > 2 ? Integer.parseInt(args[2]) : 100;
		final int repeats = args.length > 3 ? Integer.parseInt(args[3]) : 3;
		final int threads = args.length > 4 ? Integer.parseInt(args[4]) : Runtime.getRuntime()
			.availableProcessors();
		final String kind = args.length > 5 ? args[5] : "sensor";
		final boolean stack = args.length > 6 && args[6].equals("stack");
		final DetectionTiming timing = new DetectionTiming(kind, w, h, frames, threads);
		double statsBest = Double.POSITIVE_INFINITY, detectBest = Double.POSITIVE_INFINITY;
		double statsCpu = Double.POSITIVE_INFINITY, detectCpu = Double.POSITIVE_INFINITY;
		double findCpu = Double.POSITIVE_INFINITY, sdCpu = Double.POSITIVE_INFINITY;
		double findBest = Double.POSITIVE_INFINITY, sdBest = Double.POSITIVE_INFINITY;
		for (int r = 0; r < repeats; r++) {
			statsBest = Math.min(statsBest, timing.statistics());
			statsCpu = Math.min(statsCpu, timing.statisticsCpu);
			for (int d = 0; d < 2; d++) {
				detectBest = Math.min(detectBest, timing.detection());
				detectCpu = Math.min(detectCpu, timing.detectionCpu);
			}
			if (stack) {
				findBest = Math.min(findBest, timing.find());
				findCpu = Math.min(findCpu, timing.findCpu);
				sdBest = Math.min(sdBest, timing.standardDeviation());
				sdCpu = Math.min(sdCpu, timing.standardDeviationCpu);
			}
		}
		System.out.printf(Locale.ROOT,
			"%dx%dx%d %s, %d threads: statistics %.3f s (CPU %.3f s), detection+ranking %.3f s (CPU %.3f s), ratio %.2f (CPU %.2f), %d defects%n",
			w, h, frames, kind, threads, statsBest, statsCpu, detectBest, detectCpu, detectBest /
				statsBest, detectCpu / statsCpu, timing.defects);
		if (stack) System.out.printf(Locale.ROOT,
			"open stack: find %.3f s (CPU %.3f s), Z Project SD %.3f s (CPU %.3f s), find / SD %.2f (CPU %.2f)%n",
			findBest, findCpu, sdBest, sdCpu, findBest / sdBest, findCpu / sdCpu);
	}

	private final List<Frame> series = new ArrayList<>();
	private final int threads;
	private PixelStatistics stats;
	private ImagePlus image;
	/** Defects found by the last {@link #detection()}. */
	int defects;
	/** Process CPU seconds of the last timed runs. */
	double statisticsCpu, detectionCpu, findCpu, standardDeviationCpu;

	/** Generates the frames of the series {@code kind} (see the class comment). */
	DetectionTiming(final String kind, final int w, final int h, final int frames,
		final int threads)
	{
		this.threads = threads;
		if (kind.equals("sensor")) for (int k = 0; k < frames; k++)
			series.add(Frame.of("f" + k, PixelType.GRAY16, w, h, new Object[]{ sensor(w, h, k) }));
		else {
			final DemoSeries demo = demo(kind, w, h, frames);
			final Frame[] made = new Frame[frames];
			final List<Integer> indices = new ArrayList<>();
			for (int k = 0; k < frames; k++)
				indices.add(k);
			Parallelization.runWithNumThreads(threads, () -> Parallelization.getTaskExecutor().forEach(
				indices, k -> made[k] = demo.frame(k)));
			Collections.addAll(series, made);
		}
	}

	/** The benchmark's series: dark frames for 16 and 32 bits, photo-like scenes otherwise. */
	private static DemoSeries demo(final String kind, final int w, final int h, final int frames) {
		switch (kind) {
			case "dark16" :
				return DarkFrameSeries.builder().size(w, h).frames(frames).seed(7).pixelType(
					PixelType.GRAY16).build();
			case "dark32" :
				return DarkFrameSeries.builder().size(w, h).frames(frames).seed(7).pixelType(
					PixelType.GRAY32).build();
			case "photo8" :
				return SyntheticSeries.builder().size(w, h).frames(frames).seed(7).pixelType(
					PixelType.GRAY8).build();
			case "rgb" :
				return SyntheticSeries.builder().size(w, h).frames(frames).seed(7).pixelType(PixelType.RGB)
					.build();
			default :
				throw new IllegalArgumentException("unknown series " + kind);
		}
	}

	/** Seconds of one statistics pass over the frames (in batches of 10). */
	double statistics() {
		final long cpu = cpuNanos(), start = System.nanoTime();
		stats = Parallelization.runWithNumThreads(threads, () -> {
			final PixelStatistics s = PixelStatistics.like(series.get(0));
			for (int k = 0; k < series.size(); k += 10)
				s.addAll(series.subList(k, Math.min(series.size(), k + 10)));
			return s;
		});
		statisticsCpu = (cpuNanos() - cpu) / 1e9;
		return (System.nanoTime() - start) / 1e9;
	}

	/** Seconds of one detection and ranking on the last statistics. */
	double detection() {
		if (stats == null) statistics();
		final FindOptions options = new FindOptions();
		options.threads = threads;
		final long cpu = cpuNanos(), start = System.nanoTime();
		defects = HotPixelFinder.detect(stats, options, Progress.NONE, Collections.emptyList())
			.defects().size();
		detectionCpu = (cpuNanos() - cpu) / 1e9;
		return (System.nanoTime() - start) / 1e9;
	}

	/** Seconds of one whole find (statistics, detection, ranking) on the frames as an open stack. */
	double find() {
		final FindOptions options = new FindOptions();
		options.threads = threads;
		final ImagePlus stack = stack();
		final long cpu = cpuNanos(), start = System.nanoTime();
		HotPixelFinder.find(new ImagePlusFrameSource(stack), options, Progress.NONE);
		findCpu = (cpuNanos() - cpu) / 1e9;
		return (System.nanoTime() - start) / 1e9;
	}

	/** Seconds of ImageJ's Z Project (Standard Deviation) of the open stack. */
	double standardDeviation() {
		final ImagePlus stack = stack();
		final long cpu = cpuNanos(), start = System.nanoTime();
		ZProjector.run(stack, "sd");
		standardDeviationCpu = (cpuNanos() - cpu) / 1e9;
		return (System.nanoTime() - start) / 1e9;
	}

	/** The frames as an ImageJ stack (their own arrays; one channel per plane). */
	private ImagePlus stack() {
		if (image == null) {
			final Frame first = series.get(0);
			final ImageStack s = new ImageStack(first.width(), first.height());
			for (final Frame f : series)
				s.addSlice(f.name(), f.plane(0));
			image = new ImagePlus("timing", s);
		}
		return image;
	}

	/** CPU time of this process (all threads, including the JIT's and the collector's). */
	private static long cpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** One frame: bias, a smooth light drifting with the frame, read noise, planted defects. */
	static short[] sensor(final int w, final int h, final int frame) {
		final short[] plane = new short[w * h];
		long s = 0x9E3779B97F4A7C15L * (frame + 1);
		for (int y = 0; y < h; y++) {
			final double row = Math.sin(Math.PI * y / h + 0.05 * frame);
			for (int x = 0; x < w; x++) {
				s ^= s << 13;
				s ^= s >>> 7;
				s ^= s << 17;
				final double noise = 32 * (((s & 0xffff) + (s >>> 16 & 0xffff) + (s >>> 32 & 0xffff) +
					(s >>> 48)) / 37837.0 - 3.4641);
				final double v = 1000 + 15000 * (0.6 + 0.4 * row * Math.cos(2.0 * x / w)) + noise;
				plane[y * w + x] = (short) Math.max(0, Math.min(65535, Math.round(v)));
			}
		}
		for (int d = 0; d < 60; d++) {
			final int x = 8 + (int) ((d * 7919L) % (w - 16)), y = 8 + (int) ((d * 104729L) % (h - 16));
			plane[y * w + x] = (short) (d % 3 == 0 ? 20000 : d % 3 == 1 ? 50000 + 100 * (frame % 7)
				: plane[y * w + x] + 2000);
		}
		for (int y = h / 3; y < h / 3 + 200; y++)
			plane[y * w + w / 2] = (short) ((plane[y * w + w / 2] & 0xffff) + 60);
		return plane;
	}
}

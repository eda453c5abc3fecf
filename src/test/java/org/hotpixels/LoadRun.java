package org.hotpixels;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameSource;
import org.hotpixels.source.PixelType;

/**
 * Long series under load, run by hand (not part of {@code mvn verify}): memory must stay flat in
 * the number of frames and the reading progress must climb one frame at a time to the total.
 *
 * <pre>
 * java -Xmx2g -cp target/test-classes:target/classes:$(cat deps.txt) org.hotpixels.LoadRun small
 * java -Xmx2g -cp ... org.hotpixels.LoadRun rgb [frames]
 * </pre>
 * {@code small}: 2,000 files of 64x64 16-bit TIFF. {@code rgb}: 1,000 synthetic 3872x2592 RGB
 * frames (10 megapixels) generated on the fly. At 100, 500, 1000 (and 2000) frames it prints the
 * heap in use, the heap live after a full GC, the peak heap so far, and the process's resident
 * memory (now and peak).
 */
public final class LoadRun {

	private LoadRun() {}

	public static void main(final String[] args) throws IOException {
		final String which = args.length > 0 ? args[0] : "small";
		final FindOptions options = new FindOptions();
		options.threads = 2;
		if (which.equals("small")) {
			final Path dir = Files.createTempDirectory("hotpixels-load");
			try {
				final List<Path> files = LongSeriesTest.writeSeries(dir, 2000, 64, 64);
				run("2,000 files of 64x64 16-bit TIFF", new FileSeriesSource(files), options, 100, 500,
					1000, 2000);
			}
			finally {
				try (Stream<Path> s = Files.walk(dir)) {
					s.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
				}
			}
		}
		else {
			final int frames = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
			run(frames + " synthetic 3872x2592 RGB frames", new SyntheticRgb(3872, 2592, frames), options,
				100, 500, 1000);
		}
	}

	private static void run(final String title, final FrameSource source, final FindOptions options,
		final long... checkpoints)
	{
		System.out.println(title + ", " + options.threads + " threads, batch " + options.batchSize +
			", max heap " + mb(Runtime.getRuntime().maxMemory()) + " MB");
		System.out.println(String.format(Locale.ROOT, "%8s %8s %10s %10s %10s %10s %10s", "frames",
			"seconds", "heap MB", "live MB", "peak MB", "RSS MB", "peak RSS"));
		final MemoryProgress progress = new MemoryProgress(checkpoints);
		final FindResult result = HotPixelFinder.find(source, options, progress);
		progress.report("done");
		System.out.println("Progress: " + progress.reports + " reading reports, each one frame " +
			"more than the last, ending at " + progress.last + " of " + progress.total +
			(progress.monotonic ? "" : "; NOT MONOTONIC") + ". Defects found: " + result.defects()
				.size() + ", statistics " + result.statistics().shapeLabel() + ".");
	}

	/** Checks the reading progress and prints memory at the checkpoints. */
	private static final class MemoryProgress implements Progress {

		final long[] checkpoints;
		final long start = System.nanoTime();
		long last, total = -1;
		int reports;
		boolean monotonic = true;

		MemoryProgress(final long[] checkpoints) {
			this.checkpoints = checkpoints;
		}

		@Override
		public synchronized void progress(final long done, final long of, final String message) {
			if (!message.startsWith("Reading")) return;
			if (total < 0) total = of;
			if (of != total || done != last + 1) monotonic = false;
			last = done;
			reports++;
			if (Arrays.stream(checkpoints).anyMatch(c -> c == done)) report(Long.toString(done));
		}

		void report(final String label) {
			final Runtime rt = Runtime.getRuntime();
			final long heap = rt.totalMemory() - rt.freeMemory();
			long peak = 0;
			for (final MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans())
				if (pool.getType() == MemoryType.HEAP) peak += pool.getPeakUsage().getUsed();
			System.gc();
			final long live = rt.totalMemory() - rt.freeMemory();
			System.out.println(String.format(Locale.ROOT, "%8s %8.1f %10d %10d %10d %10d %10d", label,
				(System.nanoTime() - start) / 1e9, mb(heap), mb(live), mb(peak), status("VmRSS") >> 10,
				status("VmHWM") >> 10));
		}
	}

	private static long mb(final long bytes) {
		return bytes >> 20;
	}

	/** A value in kB from /proc/self/status, or -1. */
	private static long status(final String key) {
		try {
			for (final String line : Files.readAllLines(java.nio.file.Paths.get("/proc/self/status")))
				if (line.startsWith(key + ":")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
		}
		catch (final IOException | RuntimeException e) {
			// not Linux
		}
		return -1;
	}

	/**
	 * Synthetic packed-RGB frames, each a fresh array as a decoder would give: noise around a
	 * grey level, a hot pixel and a stuck one. Thread-safe: frame i is a function of i.
	 */
	static final class SyntheticRgb implements FrameSource {

		final int width, height, frames;

		SyntheticRgb(final int width, final int height, final int frames) {
			this.width = width;
			this.height = height;
			this.frames = frames;
		}

		@Override
		public int size() {
			return frames;
		}

		@Override
		public String name(final int index) {
			return "synthetic " + index;
		}

		@Override
		public Frame read(final int index) {
			final int[] px = new int[width * height];
			long s = 0x9E3779B97F4A7C15L * (index + 1);
			for (int i = 0; i < px.length; i += 2) {
				s ^= s << 13;
				s ^= s >>> 7;
				s ^= s << 17;
				px[i] = 0x606060 + (int) (s & 0x1f1f1f);
				if (i + 1 < px.length) px[i + 1] = 0x606060 + (int) (s >>> 32 & 0x1f1f1f);
			}
			px[1234 * width + 567] = 0x808080; // stuck
			px[42 * width + 4242 % width] = 0xf0f0f0; // hot
			return Frame.of(name(index), PixelType.RGB, width, height, px);
		}
	}
}

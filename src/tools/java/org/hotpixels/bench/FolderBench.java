package org.hotpixels.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import net.imglib2.parallel.Parallelization;

import ij.ImagePlus;
import ij.plugin.FolderOpener;
import ij.plugin.ZProjector;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.Frame;
import org.hotpixels.source.FrameStream;
import org.hotpixels.stats.PixelStatistics;

/**
 * Cases (b), (c) and (d), run inside a fresh child JVM: one pass over a folder of image files,
 * timed once, with the JVM's peak memory. The methods, all with the same reader and threads:
 * <ul>
 * <li>{@code decode}: every frame decoded through {@link FrameStream}, nothing else;</li>
 * <li>{@code statistics}: the same plus {@link PixelStatistics#addAll}, as find does it;</li>
 * <li>{@code find}: {@link HotPixelFinder#find}, detection and ranking included;</li>
 * <li>{@code imagej}: ImageJ 1 today: {@link FolderOpener} then {@code ZProjector} SD.</li>
 * </ul>
 *
 * <pre>{@code
 * FolderBench.run("find", Paths.get("/tmp/jpegs"), 0, 2);
 * }</pre>
 */
final class FolderBench {

	private FolderBench() {}

	/** Runs {@code method} on the first {@code count} files of {@code dir} (0: all). */
	static void run(final String method, final Path dir, final int count, final int threads) {
		final List<Path> files = files(dir, count);
		final MemoryProbe probe = MemoryProbe.start();
		final FindOptions options = new FindOptions();
		options.threads = threads;
		final long start = System.nanoTime();
		final String detail;
		switch (method) {
			case "decode" :
				detail = "frames=" + decode(files, options, false);
				break;
			case "statistics" :
				detail = "frames=" + decode(files, options, true);
				break;
			case "find" : {
				final FindResult r = HotPixelFinder.find(new FileSeriesSource(files), options,
					Progress.NONE);
				detail = "defects=" + r.defects().size();
				break;
			}
			case "imagej" : {
				final ImagePlus stack = FolderOpener.open(dir.toString());
				if (stack == null || stack.getStackSize() != files.size()) throw new IllegalStateException(
					"FolderOpener did not open the " + files.size() + " files of " + dir);
				final ImagePlus sd = ZProjector.run(stack, "sd");
				detail = "result=" + sd.getWidth() + "x" + sd.getHeight();
				break;
			}
			default :
				throw new IllegalArgumentException("Unknown method " + method);
		}
		final double seconds = (System.nanoTime() - start) / 1e9;
		final long heap = probe.stop();
		ChildJvm.report("method", method, "seconds", seconds, "files", files.size(), "heap", heap,
			"hwm", MemoryProbe.status("VmHWM"), "rss", MemoryProbe.status("VmRSS"), "detail", detail);
	}

	/** Decodes every frame through the stream; adds them to statistics if asked. */
	private static int decode(final List<Path> files, final FindOptions options,
		final boolean accumulate)
	{
		return Parallelization.runWithNumThreads(options.threads, () -> {
			int frames = 0;
			PixelStatistics stats = null;
			try (FrameStream stream = new FrameStream(new FileSeriesSource(files), options.threads, false,
				Progress.NONE))
			{
				for (List<Frame> batch; !(batch = stream.next(options.batchSize)).isEmpty();) {
					frames += batch.size();
					if (!accumulate) continue;
					if (stats == null) stats = PixelStatistics.like(batch.get(0));
					stats.addAll(batch);
				}
			}
			return frames;
		});
	}

	/** The sorted image files of {@code dir}, the first {@code count} of them if count > 0. */
	static List<Path> files(final Path dir, final int count) {
		try (Stream<Path> list = Files.list(dir)) {
			final List<Path> files = list.filter(f -> f.getFileName().toString().startsWith("frame_"))
				.sorted().collect(Collectors.toList());
			return count > 0 && count < files.size() ? files.subList(0, count) : files;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}

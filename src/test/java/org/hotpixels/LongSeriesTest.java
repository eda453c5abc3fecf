package org.hotpixels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.progress.Progress;
import org.hotpixels.source.FileSeriesSource;
import org.hotpixels.source.InputFiles;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A folder of 2,000 small 16-bit TIFF files read in one find: every frame is counted once, the
 * statistics equal sums computed here independently, and the reading progress climbs by one
 * frame at a time to exactly the number of frames. (The heavy runs with memory measurements are
 * in {@link LoadRun}, run by hand.)
 */
class LongSeriesTest {

	static final int FRAMES = 2000, W = 24, H = 16;

	/** Value of pixel i in frame f: different in every frame, with a stuck pixel at 5. */
	static int value(final int f, final int i) {
		return i == 5 ? 4000 : 1000 + (i * 7919 + f * 104729 + f * f * 31) % 3001;
	}

	/** Writes {@code frames} 16-bit TIFFs dark_0001.tif ... (a minimal TIFF, written directly). */
	static List<Path> writeSeries(final Path folder, final int frames, final int w, final int h)
		throws IOException
	{
		Files.createDirectories(folder);
		final List<Path> files = new ArrayList<>();
		final int entries = 9, data = 8 + 2 + entries * 12 + 4;
		final ByteBuffer b = ByteBuffer.allocate(data + w * h * 2).order(ByteOrder.LITTLE_ENDIAN);
		for (int f = 0; f < frames; f++) {
			b.clear();
			b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(8).putShort((short) entries);
			final int[][] tags = { { 256, 4, w }, { 257, 4, h }, { 258, 3, 16 }, { 259, 3, 1 }, { 262, 3,
				1 }, { 273, 4, data }, { 277, 3, 1 }, { 278, 4, h }, { 279, 4, w * h * 2 } };
			for (final int[] t : tags) {
				b.putShort((short) t[0]).putShort((short) t[1]).putInt(1);
				if (t[1] == 3) b.putShort((short) t[2]).putShort((short) 0);
				else b.putInt(t[2]);
			}
			b.putInt(0);
			for (int i = 0; i < w * h; i++)
				b.putShort((short) value(f, i));
			final Path file = folder.resolve(String.format("dark_%04d.tif", f + 1));
			Files.write(file, b.array());
			files.add(file);
		}
		return files;
	}

	/** Records the reading progress and checks it only ever climbs by one, to a fixed total. */
	static final class ReadingProgress implements Progress {

		long last;
		long total = -1;
		int reports;

		@Override
		public synchronized void progress(final long done, final long of, final String message) {
			if (!message.startsWith("Reading")) return;
			if (total < 0) total = of;
			assertEquals(total, of, "total changed at " + message);
			assertEquals(last + 1, done, "progress jumped at " + message);
			last = done;
			reports++;
		}
	}

	@Test
	void twoThousandSmallFiles(@TempDir final Path tmp) throws IOException {
		writeSeries(tmp, FRAMES, W, H);
		final List<Path> files = InputFiles.expand(java.util.Collections.singletonList(tmp.toString()),
			null).files();
		assertEquals(FRAMES, files.size());
		assertTrue(files.get(9).endsWith("dark_0010.tif"), "natural order");
		final ReadingProgress progress = new ReadingProgress();
		final FindOptions options = new FindOptions();
		options.threads = 2;
		final FindResult result = HotPixelFinder.find(new FileSeriesSource(files), options, progress);
		assertEquals(FRAMES, progress.total);
		assertEquals(FRAMES, progress.last);
		assertEquals(FRAMES, progress.reports);
		final PixelStatistics stats = result.statistics();
		assertEquals(FRAMES, stats.frameCount());
		for (int i = 0; i < W * H; i++) {
			long sum = 0, min = Long.MAX_VALUE, max = 0;
			for (int f = 0; f < FRAMES; f++) {
				final int v = value(f, i);
				sum += v;
				min = Math.min(min, v);
				max = Math.max(max, v);
			}
			final double mean = (double) sum / FRAMES;
			double squares = 0;
			for (int f = 0; f < FRAMES; f++)
				squares += (value(f, i) - mean) * (value(f, i) - mean);
			assertEquals(mean, stats.mean(i), 1e-12 * mean, "mean of pixel " + i);
			assertEquals(squares / (FRAMES - 1), stats.variance(i), 1e-9 * squares / FRAMES,
				"variance of pixel " + i);
			assertEquals(min, stats.min(i), 0.0);
			assertEquals(max, stats.max(i), 0.0);
		}
		assertEquals(0, stats.variance(5), 0.0);
		assertTrue(result.defects().stream().anyMatch(d -> d.x() == 5 && d.y() == 0), result.defects()
			.toString());
	}
}

package org.hotpixels.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.FrameWriter;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.progress.Progress;

/**
 * Writes the benchmark's synthetic series to a folder, several files at once, with the demo's
 * generators: photo-like JPEGs ({@link SyntheticSeries}, quality 90 and 4:2:0, as a camera saves
 * them) or 16-bit dark frames ({@link DarkFrameSeries}) as uncompressed TIFF. Files are named
 * {@code frame_0000.jpg} and so on; file {@code k} depends only on the size, the seed and
 * {@code k}.
 *
 * <pre>{@code
 * long bytes = SeriesWriter.jpegs(dir, 3872, 2592, 60, 7, 2);
 * }</pre>
 */
final class SeriesWriter {

	private SeriesWriter() {}

	/**
	 * Writes {@code count} JPEGs (frames 0 to count - 1) and returns their total size in bytes.
	 * The noise is a little higher than the demo's default so that the files are as large, and
	 * as costly to decode, as a camera's (about 2.7 MB at 3872x2592).
	 */
	static long jpegs(final Path dir, final int w, final int h, final int count, final long seed,
		final int threads)
	{
		return write(SyntheticSeries.builder().size(w, h).frames(count).seed(seed).noise(0.75, 2.5)
			.build(), dir, OutputFormat.JPEG, threads);
	}

	/** Writes {@code count} 16-bit TIFFs and returns their total size in bytes. */
	static long tiffs16(final Path dir, final int w, final int h, final int count, final long seed,
		final int threads)
	{
		return write(DarkFrameSeries.builder().size(w, h).frames(count).seed(seed).build(), dir,
			OutputFormat.TIFF, threads);
	}

	private static long write(final DemoSeries series, final Path dir, final OutputFormat format,
		final int threads)
	{
		long bytes = 0;
		try {
			for (final Path file : series.writeTo(dir, format, FrameWriter.DEFAULT_JPEG_QUALITY, Math.max(
				1, threads), Progress.NONE))
				bytes += Files.size(file);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes;
	}
}

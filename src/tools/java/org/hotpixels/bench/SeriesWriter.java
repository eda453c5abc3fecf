package org.hotpixels.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import ij.io.FileInfo;
import ij.io.TiffEncoder;

import org.hotpixels.source.PixelType;

/**
 * Writes a synthetic series to a folder, several files at once: photo-like JPEGs (quality 90, as
 * a camera saves them) or 16-bit sensor frames as uncompressed TIFF. File {@code k} is named
 * {@code frame_0001.jpg} and so on, and depends only on the size, the seed and {@code k}.
 *
 * <pre>{@code
 * long bytes = SeriesWriter.jpegs(dir, 3872, 2592, 60, 7, 2);
 * }</pre>
 */
final class SeriesWriter {

	static final float JPEG_QUALITY = 0.9f;

	private SeriesWriter() {}

	/** Writes {@code count} JPEGs (frames 0 to count - 1) and returns their total size in bytes. */
	static long jpegs(final Path dir, final int w, final int h, final int count, final long seed,
		final int threads)
	{
		return forEachFrame(dir, count, threads, "jpg", (k, file) -> writeJpeg(file, Scenes.photo(w,
			h, seed, k), w, h));
	}

	/** Writes {@code count} 16-bit TIFFs and returns their total size in bytes. */
	static long tiffs16(final Path dir, final int w, final int h, final int count, final long seed,
		final int threads)
	{
		return forEachFrame(dir, count, threads, "tif", (k, file) -> writeTiff16(file, (short[]) Scenes
			.sensor(PixelType.GRAY16, w, h, seed, k), w, h));
	}

	/** The name of frame {@code k}, numbered from 1. */
	static String name(final int k, final String extension) {
		return String.format("frame_%04d.%s", k + 1, extension);
	}

	private interface FrameWriter {

		void write(int k, Path file) throws IOException;
	}

	private static long forEachFrame(final Path dir, final int count, final int threads,
		final String extension, final FrameWriter writer)
	{
		final ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
		try {
			Files.createDirectories(dir);
			final List<Future<Long>> done = new ArrayList<>();
			for (int k = 0; k < count; k++) {
				final int frame = k;
				done.add(pool.submit(() -> {
					final Path file = dir.resolve(name(frame, extension));
					writer.write(frame, file);
					return Files.size(file);
				}));
			}
			long bytes = 0;
			for (final Future<Long> f : done)
				bytes += f.get();
			return bytes;
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (final InterruptedException | ExecutionException e) {
			throw new IllegalStateException("Writing the test series failed: " + e.getMessage(), e);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static void writeJpeg(final Path file, final int[] rgb, final int w, final int h)
		throws IOException
	{
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		System.arraycopy(rgb, 0, ((DataBufferInt) image.getRaster().getDataBuffer()).getData(), 0,
			rgb.length);
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(file.toFile())) {
			final ImageWriteParam param = writer.getDefaultWriteParam();
			param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
			param.setCompressionQuality(JPEG_QUALITY);
			writer.setOutput(out);
			writer.write(null, new IIOImage(image, null, null), param);
		}
		finally {
			writer.dispose();
		}
	}

	private static void writeTiff16(final Path file, final short[] pixels, final int w,
		final int h) throws IOException
	{
		final FileInfo fi = new FileInfo();
		fi.fileType = FileInfo.GRAY16_UNSIGNED;
		fi.width = w;
		fi.height = h;
		fi.nImages = 1;
		fi.pixels = pixels;
		try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
			new TiffEncoder(fi).write(out);
		}
	}
}

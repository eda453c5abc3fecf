package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads the SOF0 marker of written JPEG files: luma 2x2, chroma 1x1 is 4:2:0. */
class JpegSubsamplingTest {

	@TempDir
	Path folder;

	@Test
	void writtenRgbJpegSubsamplesChromaTwoByTwo() throws IOException {
		final SyntheticSeries series = SyntheticSeries.builder().size(96, 64).frames(1).build();
		final Path file = folder.resolve("frame.jpg");
		FrameWriter.write(series.frame(0), file, OutputFormat.JPEG, 90);
		// component id, then (H << 4 | V) sampling factors, for Y, Cb, Cr
		assertArrayEquals(new int[]{ 1, 0x22, 2, 0x11, 3, 0x11 }, samplingFactors(file));
	}

	@Test
	void imageIoDefaultJpegIsAlreadyFourTwoZero() throws IOException {
		final BufferedImage image = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
		final Path file = folder.resolve("default.jpg");
		assertTrue(ImageIO.write(image, "jpeg", file.toFile()));
		assertArrayEquals(new int[]{ 1, 0x22, 2, 0x11, 3, 0x11 }, samplingFactors(file));
	}

	@Test
	void greyJpegHasOneComponent() throws IOException {
		final SyntheticSeries series = SyntheticSeries.builder().size(96, 64).frames(1).pixelType(
			PixelType.GRAY8).build();
		final Path file = folder.resolve("grey.jpg");
		FrameWriter.write(series.frame(0), file, OutputFormat.JPEG, 90);
		assertArrayEquals(new int[]{ 1, 0x11 }, samplingFactors(file));
	}

	@Test
	void lowerQualityGivesSmallerFiles() throws IOException {
		final SyntheticSeries series = SyntheticSeries.builder().size(160, 120).frames(1).build();
		final Path low = folder.resolve("q50.jpg"), high = folder.resolve("q95.jpg");
		FrameWriter.write(series.frame(0), low, OutputFormat.JPEG, 50);
		FrameWriter.write(series.frame(0), high, OutputFormat.JPEG, 95);
		assertTrue(Files.size(low) < Files.size(high) * 0.7, Files.size(low) + " vs " + Files.size(
			high));
	}

	/** Component ids and sampling bytes of the baseline frame header (SOF0, 0xFFC0). */
	static int[] samplingFactors(final Path jpeg) throws IOException {
		final byte[] b = Files.readAllBytes(jpeg);
		if ((b[0] & 0xff) != 0xff || (b[1] & 0xff) != 0xd8) throw new IOException("No SOI");
		int pos = 2;
		while (pos + 4 <= b.length) {
			if ((b[pos] & 0xff) != 0xff) throw new IOException("Lost marker sync at " + pos);
			final int marker = b[pos + 1] & 0xff;
			final int length = (b[pos + 2] & 0xff) << 8 | (b[pos + 3] & 0xff);
			if (marker == 0xc0) {
				final int components = b[pos + 9] & 0xff;
				final int[] result = new int[2 * components];
				for (int c = 0; c < components; c++) {
					result[2 * c] = b[pos + 10 + 3 * c] & 0xff;
					result[2 * c + 1] = b[pos + 11 + 3 * c] & 0xff;
				}
				return result;
			}
			if (marker == 0xda) break; // start of scan: no frame header before it
			pos += 2 + length;
		}
		throw new IOException("No SOF0 marker in " + jpeg);
	}
}

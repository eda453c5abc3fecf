package org.hotpixels;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/**
 * A small grey series for front-end tests: smooth moving scenes with noise, a stuck pixel at
 * (50, 60) = 120, a hot pixel at (120, 30) = +80 and a dead pixel at (10, 140) = 0.
 */
public final class TestSeries {

	public static final int W = 200, H = 150;

	private TestSeries() {}

	public static byte[] frame(final int f, final long seed) {
		final Random r = new Random(seed * 1000 + f);
		final byte[] px = new byte[W * H];
		final double a = 30 + 150 * r.nextDouble(), gx = r.nextGaussian() * 0.3, gy = r.nextGaussian() *
			0.3;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double v = a + gx * x + gy * y + 20 * Math.sin((x + f * 7) / 13.0) + r.nextGaussian() * 3;
				if (x == 50 && y == 60) v = 120;
				if (x == 120 && y == 30) v += 80;
				if (x == 10 && y == 140) v = 0;
				px[y * W + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
			}
		return px;
	}

	public static ImagePlus stack(final int frames) {
		final ImageStack stack = new ImageStack(W, H);
		for (int f = 0; f < frames; f++)
			stack.addSlice("frame " + f, new ByteProcessor(W, H, frame(f, 1)));
		return new ImagePlus("series", stack);
	}

	/** Writes frames as frame_000.tif ... into {@code folder}. */
	public static void writeFolder(final Path folder, final int frames) throws IOException {
		java.nio.file.Files.createDirectories(folder);
		for (int f = 0; f < frames; f++) {
			final ImagePlus imp = new ImagePlus("f", new ByteProcessor(W, H, frame(f, 1)));
			if (!new FileSaver(imp).saveAsTiff(folder.resolve(String.format("frame_%03d.tif", f))
				.toString())) throw new IOException("cannot write test frame");
		}
	}
}

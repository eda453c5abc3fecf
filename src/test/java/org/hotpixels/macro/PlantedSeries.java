package org.hotpixels.macro;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

/**
 * Small 8-bit series with defects planted at known places, written as files for the macro
 * tests: a moving pattern with noise; a stuck pixel (always 120), a hot one (+80) and a dead one
 * (always 0). The positions are the test's reference; detection never sees them.
 */
final class PlantedSeries {

	static final int W = 120, H = 90, FRAMES = 10;

	final int[] stuck, hot, dead;
	private final long seed;

	/** Defect positions {x, y}. */
	PlantedSeries(final long seed, final int[] stuck, final int[] hot, final int[] dead) {
		this.seed = seed;
		this.stuck = stuck;
		this.hot = hot;
		this.dead = dead;
	}

	ByteProcessor frame(final int f) {
		final Random random = new Random(seed * 1000 + f);
		final byte[] px = new byte[W * H];
		final double level = 60 + 80 * random.nextDouble();
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				double v = level + 30 * Math.sin((x + 5 * f) / 9.0) + 0.3 * y + 3 * random.nextGaussian();
				if (at(stuck, x, y)) v = 120;
				if (at(hot, x, y)) v += 80;
				if (at(dead, x, y)) v = 0;
				px[y * W + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
			}
		return new ByteProcessor(W, H, px);
	}

	private static boolean at(final int[] p, final int x, final int y) {
		return p != null && p[0] == x && p[1] == y;
	}

	/** One TIFF per frame: frame_00.tif, frame_01.tif, ... */
	Path writeFolder(final Path folder) throws IOException {
		Files.createDirectories(folder);
		for (int f = 0; f < FRAMES; f++)
			save(new ImagePlus("frame " + f, frame(f)), folder.resolve(String.format("frame_%02d.tif",
				f)));
		return folder;
	}

	/** All frames in one multi-page TIFF. */
	Path writeStack(final Path file) throws IOException {
		final ImageStack stack = new ImageStack(W, H);
		for (int f = 0; f < FRAMES; f++)
			stack.addSlice("frame " + f, frame(f));
		Files.createDirectories(file.getParent());
		final ImagePlus imp = new ImagePlus("stack", stack);
		if (!new FileSaver(imp).saveAsTiffStack(file.toString())) throw new IOException(
			"cannot write " + file);
		return file;
	}

	private static void save(final ImagePlus imp, final Path file) throws IOException {
		if (!new FileSaver(imp).saveAsTiff(file.toString())) throw new IOException("cannot write " +
			file);
	}
}

package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.CompositeImage;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.io.TiffDecoder;
import ij.process.ShortProcessor;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14 point 5: {@code correct} writes a 48-bit RGB TIFF back as one, not as a grey stack. */
class CorrectKeepsRgb48Test {

	@TempDir
	Path tmp;

	private static void rgb48(final Path file, final int seed) throws IOException {
		final int w = 40, h = 30;
		final ImageStack stack = new ImageStack(w, h);
		final String[] labels = { "Red", "Green", "Blue" };
		for (int c = 0; c < 3; c++) {
			final short[] px = new short[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = (short) (1000 * (c + 1) + (i * i * 31 + seed * 13 + c) % 997);
			stack.addSlice(labels[c], new ShortProcessor(w, h, px, null));
		}
		final ImagePlus imp = new ImagePlus("rgb48", stack);
		imp.setDimensions(3, 1, 1);
		final CompositeImage composite = new CompositeImage(imp, CompositeImage.COMPOSITE);
		assertTrue(new FileSaver(composite).saveAsTiff(file.toString()));
		assertEquals(FileInfo.RGB48, fileType(file), "the test file is not RGB48");
	}

	private static int fileType(final Path file) throws IOException {
		final File f = file.toFile();
		return new TiffDecoder(f.getParent() + File.separator, f.getName()).getTiffInfo()[0].fileType;
	}

	@Test
	void a48BitRgbTiffStaysOne() throws IOException {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		for (int f = 0; f < 3; f++)
			rgb48(in.resolve("f" + f + ".tif"), f);
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y,channel\n5,6,1\n".getBytes(
			StandardCharsets.UTF_8));
		CliRun.of("correct", in.toString(), "-d", defects.toString(), "-o", out.toString())
			.assertSuccess();
		assertEquals(FileInfo.RGB48, fileType(out.resolve("f1.tif")));
		final ImagePlus a = new Opener().openImage(in.resolve("f1.tif").toString());
		final ImagePlus b = new Opener().openImage(out.resolve("f1.tif").toString());
		assertEquals(3, b.getStackSize());
		int changed = 0;
		for (int c = 1; c <= 3; c++)
			for (int y = 0; y < 30; y++)
				for (int x = 0; x < 40; x++)
					if (a.getStack().getProcessor(c).get(x, y) != b.getStack().getProcessor(c).get(x, y)) {
						changed++;
						assertTrue(c == 2 && x == 5 && y == 6, "changed " + c + ":" + x + "," + y);
					}
		assertEquals(1, changed);
	}
}

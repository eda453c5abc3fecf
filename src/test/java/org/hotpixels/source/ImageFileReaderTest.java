package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

import org.hotpixels.progress.HotPixelsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format is read back to the values written (lossless ones exactly). */
class ImageFileReaderTest {

	static final int W = 37, H = 23;
	final Random random = new Random(5);

	byte[] bytes() {
		final byte[] b = new byte[W * H];
		random.nextBytes(b);
		return b;
	}

	@Test
	void tiffOfEveryDepth(@TempDir final Path tmp) {
		final byte[] b = bytes();
		final short[] s = new short[W * H];
		final float[] f = new float[W * H];
		final int[] rgb = new int[W * H];
		for (int i = 0; i < s.length; i++) {
			s[i] = (short) random.nextInt(65536);
			f[i] = (float) random.nextGaussian() * 1e5f;
			rgb[i] = random.nextInt(1 << 24);
		}
		save(new ImagePlus("8", new ByteProcessor(W, H, b.clone())), tmp.resolve("a.tif"));
		save(new ImagePlus("16", new ShortProcessor(W, H, s.clone(), null)), tmp.resolve("b.tif"));
		save(new ImagePlus("32", new FloatProcessor(W, H, f.clone())), tmp.resolve("c.tif"));
		save(new ImagePlus("rgb", new ColorProcessor(W, H, rgb.clone())), tmp.resolve("d.tif"));
		assertArrayEquals(b, (byte[]) ImageFileReader.read(tmp.resolve("a.tif"), 0).plane(0));
		assertArrayEquals(s, (short[]) ImageFileReader.read(tmp.resolve("b.tif"), 0).plane(0));
		assertArrayEquals(f, (float[]) ImageFileReader.read(tmp.resolve("c.tif"), 0).plane(0));
		final int[] back = (int[]) ImageFileReader.read(tmp.resolve("d.tif"), 0).plane(0);
		for (int i = 0; i < rgb.length; i++)
			assertEquals(rgb[i], back[i] & 0xffffff);
	}

	@Test
	void multiPageTiffIsASeries(@TempDir final Path tmp) {
		final ImageStack stack = new ImageStack(W, H);
		final byte[][] pages = { bytes(), bytes(), bytes() };
		for (final byte[] p : pages)
			stack.addSlice("", new ByteProcessor(W, H, p.clone()));
		assertTrue(new FileSaver(new ImagePlus("s", stack)).saveAsTiffStack(tmp.resolve("s.tif")
			.toString()));
		final FileSeriesSource source = new FileSeriesSource(java.util.Collections.singletonList(tmp
			.resolve("s.tif")));
		assertEquals(3, source.size());
		for (int i = 0; i < 3; i++)
			assertArrayEquals(pages[i], (byte[]) source.read(i).plane(0));
		assertTrue(source.name(1).endsWith("s.tif page 2"), source.name(1));
	}

	@Test
	void pngBmpGifAndJpeg(@TempDir final Path tmp) throws Exception {
		final byte[] grey = bytes();
		final BufferedImage g = new BufferedImage(W, H, BufferedImage.TYPE_BYTE_GRAY);
		g.getRaster().setDataElements(0, 0, W, H, grey);
		final BufferedImage c = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		final int[] rgb = new int[W * H];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = random.nextInt(1 << 24);
		c.setRGB(0, 0, W, H, rgb, 0, W);
		final BufferedImage g16 = new BufferedImage(W, H, BufferedImage.TYPE_USHORT_GRAY);
		final short[] s = new short[W * H];
		for (int i = 0; i < s.length; i++)
			s[i] = (short) random.nextInt(65536);
		g16.getRaster().setDataElements(0, 0, W, H, s);
		ImageIO.write(g, "png", tmp.resolve("g.png").toFile());
		ImageIO.write(g16, "png", tmp.resolve("g16.png").toFile());
		ImageIO.write(c, "png", tmp.resolve("c.png").toFile());
		ImageIO.write(c, "bmp", tmp.resolve("c.bmp").toFile());
		ImageIO.write(g, "gif", tmp.resolve("g.gif").toFile());
		ImageIO.write(c, "jpg", tmp.resolve("c.jpg").toFile());
		assertArrayEquals(grey, (byte[]) ImageFileReader.read(tmp.resolve("g.png"), 0).plane(0));
		assertArrayEquals(s, (short[]) ImageFileReader.read(tmp.resolve("g16.png"), 0).plane(0));
		assertArrayEquals(rgb, (int[]) ImageFileReader.read(tmp.resolve("c.png"), 0).plane(0));
		assertArrayEquals(rgb, (int[]) ImageFileReader.read(tmp.resolve("c.bmp"), 0).plane(0));
		final Frame gif = ImageFileReader.read(tmp.resolve("g.gif"), 0);
		assertEquals(W, gif.width());
		final Frame jpeg = ImageFileReader.read(tmp.resolve("c.jpg"), 0);
		assertEquals(PixelType.RGB, jpeg.type());
		assertEquals(H, jpeg.height());
		// the colours Java's own decoding gives (into its 3-byte BGR image), read twice: the second
		// read reuses the decoding image
		final int[] decoded = ImageIO.read(tmp.resolve("c.jpg").toFile()).getRGB(0, 0, W, H, null, 0,
			W);
		for (int i = 0; i < decoded.length; i++)
			decoded[i] &= 0xffffff;
		assertArrayEquals(decoded, (int[]) jpeg.plane(0));
		assertArrayEquals(decoded, (int[]) ImageFileReader.read(tmp.resolve("c.jpg"), 0).plane(0));
	}

	@Test
	void brokenFilesAreOneSentenceErrorsNamingThem(@TempDir final Path tmp) throws Exception {
		final Path empty = Files.createFile(tmp.resolve("empty.tif"));
		final Path noise = tmp.resolve("noise.jpg");
		final byte[] junk = new byte[2000];
		random.nextBytes(junk);
		Files.write(noise, junk);
		final BufferedImage c = new BufferedImage(200, 150, BufferedImage.TYPE_INT_RGB);
		ImageIO.write(c, "jpg", tmp.resolve("full.jpg").toFile());
		final byte[] full = Files.readAllBytes(tmp.resolve("full.jpg"));
		final Path cut = tmp.resolve("cut.jpg");
		Files.write(cut, java.util.Arrays.copyOf(full, full.length / 2));
		save(new ImagePlus("t", new ByteProcessor(100, 100)), tmp.resolve("t.tif"));
		final byte[] tiff = Files.readAllBytes(tmp.resolve("t.tif"));
		final Path cutTiff = tmp.resolve("cut.tif");
		Files.write(cutTiff, java.util.Arrays.copyOf(tiff, tiff.length - 5000));
		for (final Path p : new Path[]{ empty, noise, cut, cutTiff, tmp.resolve("missing.png") }) {
			final HotPixelsException e = assertThrows(HotPixelsException.class, () -> ImageFileReader
				.read(p, 0));
			assertTrue(e.getMessage().startsWith(p.toString() + ": "), e.getMessage());
			assertTrue(!e.getMessage().contains("\n"), e.getMessage());
		}
	}

	static void save(final ImagePlus imp, final Path p) {
		assertTrue(new FileSaver(imp).saveAsTiff(p.toString()));
	}
}

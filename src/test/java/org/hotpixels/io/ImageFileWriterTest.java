package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferUShort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.io.ImageFileWriter.FileType;
import org.hotpixels.io.ImageFileWriter.Format;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Output names, what each format may hold, and the bytes of written PNG and JPEG files. */
class ImageFileWriterTest {

	@TempDir
	Path tmp;

	@Test
	void namesStayUnlessTheTypeChanges() {
		assertEquals("a.TIFF", ImageFileWriter.targetName(Paths.get("x/a.TIFF"), Format.SAME));
		assertEquals("a.TIFF", ImageFileWriter.targetName(Paths.get("a.TIFF"), Format.TIF));
		assertEquals("IMG_1.JPG", ImageFileWriter.targetName(Paths.get("IMG_1.JPG"), Format.SAME));
		assertEquals("IMG_1.tif", ImageFileWriter.targetName(Paths.get("IMG_1.JPG"), Format.TIF));
		assertEquals("IMG_1.png", ImageFileWriter.targetName(Paths.get("IMG_1.JPG"), Format.PNG));
		assertEquals("DSC_7.tif", ImageFileWriter.targetName(Paths.get("DSC_7.NEF"), Format.SAME));
		assertEquals("scan.tif", ImageFileWriter.targetName(Paths.get("scan.pgm"), Format.SAME));
		assertEquals("noext.tif", ImageFileWriter.targetName(Paths.get("noext"), Format.SAME));
		assertEquals(FileType.JPEG, ImageFileWriter.fileType(Paths.get("a.jpeg"), Format.SAME));
		assertEquals(FileType.PNG, ImageFileWriter.fileType(Paths.get("a.Png"), Format.SAME));
		assertEquals(FileType.TIFF, ImageFileWriter.fileType(Paths.get("a.gif"), Format.SAME));
		assertEquals(Format.TIF, Format.parse(" TIFF "));
		assertEquals(Format.SAME, Format.parse(""));
		assertEquals("Output format 'jpg' is not one of same, tif or png.", assertThrows(
			HotPixelsException.class, () -> Format.parse("jpg")).getMessage());
	}

	@Test
	void formatsRefuseWhatTheyCannotHoldExactly() {
		ImageFileWriter.checkCanHold(FileType.TIFF, PixelType.GRAY32, 40, false, "a.tif");
		ImageFileWriter.checkCanHold(FileType.PNG, PixelType.RGB, 1, false, "a.tif");
		ImageFileWriter.checkCanHold(FileType.PNG, PixelType.GRAY16, 1, true, "a.png");
		ImageFileWriter.checkCanHold(FileType.JPEG, PixelType.GRAY8, 1, true, "a.jpg");
		for (final Object[] bad : new Object[][]{ { FileType.PNG, PixelType.GRAY16, 1, false }, {
			FileType.PNG, PixelType.GRAY32, 1, false }, { FileType.JPEG, PixelType.GRAY16, 1, true }, {
				FileType.PNG, PixelType.GRAY8, 3, false } })
		{
			final HotPixelsException e = assertThrows(HotPixelsException.class, () -> ImageFileWriter
				.checkCanHold((FileType) bad[0], (PixelType) bad[1], (Integer) bad[2], (Boolean) bad[3],
					"in.tif"));
			assertTrue(e.getMessage().startsWith("in.tif: ") && e.getMessage().endsWith(
				"choose format tif" + (((Integer) bad[2]) > 1 ? "." : " to keep it exact.")), e
					.getMessage());
		}
	}

	@Test
	void sixteenBitPngKeepsEveryValue() throws IOException {
		final short[] px = new short[64 * 48];
		final Random random = new Random(3);
		for (int i = 0; i < px.length; i++)
			px[i] = (short) random.nextInt(65536);
		final Path png = tmp.resolve("deep.png");
		ImageFileWriter.write(new ImagePlus("deep", new ShortProcessor(64, 48, px, null)), png,
			FileType.PNG);
		final BufferedImage read = ImageIO.read(png.toFile());
		assertEquals(BufferedImage.TYPE_USHORT_GRAY, read.getType());
		assertArrayEquals(px, ((DataBufferUShort) read.getRaster().getDataBuffer()).getData());
	}

	@Test
	void jpegIsQualityNinetyFiveWithFullResolutionChroma() throws IOException {
		final int[] rgb = new int[96 * 64];
		for (int i = 0; i < rgb.length; i++)
			rgb[i] = (i % 96 * 2) << 16 | (i / 96 * 3) << 8 | 128;
		final Path jpg = tmp.resolve("c.jpg");
		ImageFileWriter.write(new ImagePlus("c", new ColorProcessor(96, 64, rgb)), jpg, FileType.JPEG);
		// SOF0 components: id, (H << 4 | V) sampling: all 1x1 is 4:4:4
		assertArrayEquals(new int[]{ 1, 0x11, 2, 0x11, 3, 0x11 }, samplingFactors(jpg));
		final BufferedImage read = ImageIO.read(jpg.toFile());
		int worst = 0;
		for (int i = 0; i < rgb.length; i++)
			for (int shift = 0; shift <= 16; shift += 8)
				worst = Math.max(worst, Math.abs((read.getRGB(i % 96, i / 96) >> shift & 0xff) -
					(rgb[i] >> shift & 0xff)));
		assertTrue(worst <= 4, "largest channel error " + worst);
	}

	@Test
	void framesBecomeOneStackInOrder() {
		final byte[] a = new byte[6], b = new byte[6];
		final ImagePlus imp = ImageFileWriter.toImagePlus("t", Arrays.asList(Frame.of("a",
			PixelType.GRAY8, 3, 2, a), Frame.of("b", PixelType.GRAY8, 3, 2, b)));
		assertEquals(2, imp.getStackSize());
		assertTrue(imp.getStack().getPixels(1) == a && imp.getStack().getPixels(2) == b);
	}

	/** Component ids and sampling bytes of the baseline frame header (SOF0, 0xFFC0). */
	private static int[] samplingFactors(final Path jpeg) throws IOException {
		final byte[] b = Files.readAllBytes(jpeg);
		int pos = 2;
		while (pos + 4 <= b.length) {
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
			pos += 2 + length;
		}
		throw new IOException("No SOF0 marker in " + jpeg);
	}
}

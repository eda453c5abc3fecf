package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

import org.hotpixels.BadFiles;
import org.hotpixels.progress.HotPixelsException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every pixel type and compression decodes to the values the file holds, or is refused with one
 * sentence naming the file (issue 14, point 3).
 */
class HonestDecodingTest {

	@TempDir
	Path tmp;

	private Path write(final String name, final byte[] bytes) throws IOException {
		return Files.write(tmp.resolve(name), bytes);
	}

	private HotPixelsException refused(final Path file, final String fragment) {
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> {
			ImageFileReader.pageCount(file);
			ImageFileReader.read(file, 0);
		});
		assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains(fragment), e.getMessage());
		assertTrue(!e.getMessage().contains("\n"), e.getMessage());
		return e;
	}

	private static int[] values(final Frame f, final int plane) {
		final Object p = f.plane(plane);
		final int[] v = new int[f.pixelCount()];
		for (int i = 0; i < v.length; i++)
			v[i] = p instanceof byte[] ? ((byte[]) p)[i] & 0xff : ((short[]) p)[i] & 0xffff;
		return v;
	}

	@Test
	void signedSixteenBitTiffIsOffsetByHalfTheRangeOnce() throws IOException {
		final Path f = write("s16.tif", TiffBytes.classic(4, 1, 16, 2, 1, 1, TiffBytes.shorts(
			(short) -1, (short) 0, (short) 100, Short.MIN_VALUE)));
		final Frame frame = ImageFileReader.read(f, 0);
		assertEquals(PixelType.GRAY16, frame.type());
		assertArrayEquals(new int[]{ 32767, 32768, 32868, 0 }, values(frame, 0));
	}

	@Test
	void signedEightBitTiffIsOffsetBy128() throws IOException {
		final Path f = write("s8.tif", TiffBytes.classic(4, 1, 8, 2, 1, 1, new byte[]{ -1, 0, 5,
			-128 }));
		final Frame frame = ImageFileReader.read(f, 0);
		assertEquals(PixelType.GRAY8, frame.type());
		assertArrayEquals(new int[]{ 127, 128, 133, 0 }, values(frame, 0));
	}

	@Test
	void unsignedThirtyTwoBitTiffIsExactOrRefused() throws IOException {
		final Path ok = write("u32.tif", TiffBytes.classic(3, 1, 32, 1, 1, 1, TiffBytes.ints(0, 70000,
			16777215)));
		assertArrayEquals(new float[]{ 0, 70000, 16777215 }, (float[]) ImageFileReader.read(ok, 0)
			.plane(0));
		refused(write("big32.tif", TiffBytes.classic(3, 1, 32, 1, 1, 1, TiffBytes.ints(0,
			(int) 3_000_000_000L, 1))), "beyond 16,777,216");
	}

	@Test
	void jpegCompressedTiffIsDecodedNotReadAsPixels() throws IOException {
		final BufferedImage grey = new BufferedImage(40, 24, BufferedImage.TYPE_BYTE_GRAY);
		final Random r = new Random(3);
		for (int y = 0; y < 24; y++)
			for (int x = 0; x < 40; x++)
				grey.getRaster().setSample(x, y, 0, 60 + x * 3 + r.nextInt(4));
		final ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
		ImageIO.write(grey, "jpg", jpeg);
		final Path f = write("jpeg.tif", TiffBytes.classic(40, 24, 8, 1, 7, 1, jpeg.toByteArray()));
		final Frame frame = ImageFileReader.read(f, 0);
		final BufferedImage expected = ImageIO.read(new java.io.ByteArrayInputStream(jpeg
			.toByteArray()));
		final int[] want = new int[40 * 24];
		expected.getRaster().getSamples(0, 0, 40, 24, 0, want);
		assertArrayEquals(want, values(frame, 0));
	}

	@Test
	void bigTiffIsRead() throws IOException {
		final short[] v = { 1, 2, 3, (short) 65535, 1000, 0 };
		final Path f = write("big.tif", TiffBytes.big(3, 2, 16, TiffBytes.shorts(v)));
		assertEquals(1, ImageFileReader.pageCount(f));
		final Frame frame = ImageFileReader.read(f, 0);
		assertEquals(PixelType.GRAY16, frame.type());
		assertArrayEquals(v, (short[]) frame.plane(0));
	}

	@Test
	void tiffWhosePagesLoopIsRefusedAtOnce() throws IOException {
		final Path loop = write("loop.tif", TiffBytes.looping(4, 2, new byte[8]));
		refused(loop, "loops back on itself");
		final HotPixelsException e = assertThrows(HotPixelsException.class,
			() -> org.hotpixels.io.DefectMask.read(loop), "as a mask");
		assertTrue(e.getMessage().contains("loops back on itself"), e.getMessage());
	}

	@Test
	void greyAlphaPngKeepsItsGreyValues() throws IOException {
		for (final int bits : new int[]{ 8, 16 }) {
			final int type = bits == 8 ? DataBuffer.TYPE_BYTE : DataBuffer.TYPE_USHORT;
			final ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(
				ColorSpace.CS_GRAY), true, false, Transparency.TRANSLUCENT, type);
			final WritableRaster raster = cm.createCompatibleWritableRaster(4, 1);
			final int[] grey = { 10, 0, 200, bits == 8 ? 255 : 40000 };
			for (int x = 0; x < 4; x++) {
				raster.setSample(x, 0, 0, grey[x]);
				raster.setSample(x, 0, 1, x * 60); // alpha, dropped
			}
			final Path f = tmp.resolve("ga" + bits + ".png");
			assertTrue(ImageIO.write(new BufferedImage(cm, raster, false, null), "png", f.toFile()));
			final Frame frame = ImageFileReader.read(f, 0);
			assertEquals(bits == 8 ? PixelType.GRAY8 : PixelType.GRAY16, frame.type());
			assertArrayEquals(grey, values(frame, 0), bits + "-bit grey+alpha");
		}
	}

	@Test
	void sixteenBitRgbPngKeepsSixteenBitsInThreePlanes() throws IOException {
		final ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(
			ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		final WritableRaster raster = cm.createCompatibleWritableRaster(3, 2);
		final Random r = new Random(9);
		final int[][] want = new int[3][6];
		for (int c = 0; c < 3; c++)
			for (int i = 0; i < 6; i++) {
				want[c][i] = r.nextInt(65536);
				raster.setSample(i % 3, i / 3, c, want[c][i]);
			}
		final Path f = tmp.resolve("rgb48.png");
		assertTrue(ImageIO.write(new BufferedImage(cm, raster, false, null), "png", f.toFile()));
		final Frame frame = ImageFileReader.read(f, 0);
		assertEquals(PixelType.GRAY16, frame.type());
		assertEquals(3, frame.channels());
		for (int c = 0; c < 3; c++)
			assertArrayEquals(want[c], values(frame, c), "channel " + c);
	}

	@Test
	void correctWritesA16BitRgbPngBackAt16Bits() throws IOException {
		final ComponentColorModel cm = new ComponentColorModel(ColorSpace.getInstance(
			ColorSpace.CS_sRGB), false, false, Transparency.OPAQUE, DataBuffer.TYPE_USHORT);
		final WritableRaster raster = cm.createCompatibleWritableRaster(9, 7);
		final Random r = new Random(4);
		for (int y = 0; y < 7; y++)
			for (int x = 0; x < 9; x++)
				for (int c = 0; c < 3; c++)
					raster.setSample(x, y, c, 30000 + r.nextInt(300));
		raster.setSample(4, 3, 1, 65535);
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("rgb48.png");
		ImageIO.write(new BufferedImage(cm, raster, false, null), "png", in.toFile());
		new org.hotpixels.correct.FileCorrection(Arrays.asList(in), tmp.resolve("out")).run(Arrays
			.asList(org.hotpixels.detect.Defect.pixel(4, 3, 1)), org.hotpixels.progress.Progress.NONE);
		final BufferedImage out = ImageIO.read(tmp.resolve("out/rgb48.png").toFile());
		assertEquals(16, out.getColorModel().getComponentSize(0));
		for (int y = 0; y < 7; y++)
			for (int x = 0; x < 9; x++)
				for (int c = 0; c < 3; c++)
					if (x != 4 || y != 3 || c != 1) assertEquals(raster.getSample(x, y, c), out.getRaster()
						.getSample(x, y, c), x + "," + y + " channel " + c);
		final int fixed = out.getRaster().getSample(4, 3, 1);
		assertTrue(fixed >= 30000 && fixed < 30300, "repaired to " + fixed);
	}

	@Test
	void cmykJpegIsRefused() throws IOException {
		final WritableRaster raster = Raster.createInterleavedRaster(DataBuffer.TYPE_BYTE, 16, 16, 4,
			null);
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
		final Path f = tmp.resolve("cmyk.jpg");
		try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
			writer.setOutput(out);
			writer.write(new IIOImage(raster, null, null));
		}
		finally {
			writer.dispose();
		}
		refused(f, "CMYK JPEG");
	}

	@Test
	void twelveBitJpegIsRefusedBeforeDecoding() throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), "jpg", out);
		final byte[] jpeg = out.toByteArray();
		for (int i = 2; i + 4 < jpeg.length; i++)
			if ((jpeg[i] & 0xff) == 0xff && (jpeg[i + 1] & 0xff) == 0xc0) {
				jpeg[i + 4] = 12; // SOF precision
				break;
			}
		refused(write("twelve.jpg", jpeg), "12-bit JPEG");
	}

	@Test
	void everyFrameOfAnAnimatedGifIsAFrame() throws IOException {
		final Path f = tmp.resolve("anim.gif");
		final ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
		try (ImageOutputStream out = ImageIO.createImageOutputStream(f.toFile())) {
			writer.setOutput(out);
			writer.prepareWriteSequence(null);
			for (int i = 0; i < 3; i++) {
				final BufferedImage img = new BufferedImage(8, 6, BufferedImage.TYPE_BYTE_GRAY);
				img.getRaster().setSample(i, 2, 0, 255);
				writer.writeToSequence(new IIOImage(img, null, null), null);
			}
			writer.endWriteSequence();
		}
		finally {
			writer.dispose();
		}
		assertEquals(3, ImageFileReader.pageCount(f));
		final FileSeriesSource source = new FileSeriesSource(Arrays.asList(f));
		assertEquals(3, source.size());
		for (int i = 0; i < 3; i++) {
			final int[] rgb = (int[]) source.read(i).plane(0);
			assertEquals(0xffffff, rgb[2 * 8 + i] & 0xffffff, "frame " + i);
			assertEquals(0, rgb[2 * 8 + (i + 1) % 3] & 0xffffff, "frame " + i);
		}
	}

	@Test
	void animatedPngIsRefused() throws IOException {
		final ByteArrayOutputStream png = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(8, 8, BufferedImage.TYPE_BYTE_GRAY), "png", png);
		final byte[] still = png.toByteArray();
		// acTL (2 frames, played once) after IHDR, as APNG writers put it
		final java.nio.ByteBuffer actl = java.nio.ByteBuffer.allocate(20);
		actl.putInt(8).put("acTL".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).putInt(2)
			.putInt(0);
		final java.util.zip.CRC32 crc = new java.util.zip.CRC32();
		crc.update(actl.array(), 4, 12);
		actl.putInt((int) crc.getValue());
		final ByteArrayOutputStream apng = new ByteArrayOutputStream();
		apng.write(still, 0, 33); // signature and IHDR
		apng.write(actl.array(), 0, 20);
		apng.write(still, 33, still.length - 33);
		refused(write("anim.png", apng.toByteArray()), "is an animated PNG of 2 frames");
	}

	@Test
	void truncatedFilesOfEveryFormatAreErrors() throws IOException {
		final BufferedImage rgb = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
		final Random r = new Random(1);
		for (int y = 0; y < 48; y++)
			for (int x = 0; x < 64; x++)
				rgb.setRGB(x, y, r.nextInt(1 << 24));
		for (final String format : new String[]{ "png", "jpg", "bmp", "gif" }) {
			final Path f = tmp.resolve("cut." + format);
			ImageIO.write(rgb, format, f.toFile());
			BadFiles.truncate(f, 0.6);
			refused(f, "");
		}
		final Path pgm = tmp.resolve("cut.pgm");
		final byte[] header = "P5\n64 48\n255\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
		Files.write(pgm, Arrays.copyOf(header, header.length + 64 * 30));
		refused(pgm, "truncated");
		final Path tif = write("cut.tif", TiffBytes.classic(64, 48, 8, 1, 1, 1, new byte[64 * 48]));
		BadFiles.truncate(tif, 0.6);
		refused(tif, "truncated");
	}

	@Test
	void dicomSignedSamplesKeepOneOffsetAndMultiFrameFilesAreRefused() throws IOException {
		final Path positive = write("pos.dcm", DicomBytes.grey16(3, 1, 1, true, new short[]{ 0, 5,
			1000 }));
		final Path negative = write("neg.dcm", DicomBytes.grey16(3, 1, 1, true, new short[]{ -1, 5,
			1000 }));
		assertArrayEquals(new int[]{ 32768, 32773, 33768 }, values(ImageFileReader.read(positive, 0),
			0), "no negative sample: still +32768");
		assertArrayEquals(new int[]{ 32767, 32773, 33768 }, values(ImageFileReader.read(negative, 0),
			0));
		final Path plain = write("u.dcm", DicomBytes.grey16(3, 1, 1, false, new short[]{ 0, 5,
			(short) 60000 }));
		assertArrayEquals(new int[]{ 0, 5, 60000 }, values(ImageFileReader.read(plain, 0), 0));

		refused(write("multi.dcm", DicomBytes.grey16(2, 2, 3, false, new short[12])),
			"holds 3 images (a multi-frame DICOM)");
		final byte[] whole = DicomBytes.grey16(64, 48, 1, false, new short[64 * 48]);
		refused(write("cut.dcm", Arrays.copyOf(whole, whole.length - 3000)), "truncated");
	}

	@Test
	void randomBytesOfEveryImageExtensionAreOneSentenceAndNothingPrinted() throws IOException {
		final java.io.PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream printed = new ByteArrayOutputStream();
		System.setOut(new java.io.PrintStream(printed, true));
		System.setErr(new java.io.PrintStream(printed, true));
		try {
			for (final String ext : org.hotpixels.source.InputFiles.IMAGE_EXTENSIONS) {
				final Path f = BadFiles.randomBytes(tmp.resolve("noise." + ext), 3000, ext.hashCode());
				refused(f, "");
			}
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
		assertEquals("", printed.toString());
	}

	@Test
	void jpegsTurnedAgainstTheFirstAreRefusedFrameByFrame() throws IOException {
		final Path a = write("a.jpg", jpegWithOrientation(1));
		final Path b = write("b.jpg", jpegWithOrientation(6));
		final Path c = write("c.jpg", jpegWithOrientation(1));
		assertEquals(6, ImageFileReader.orientation(b));
		final FileSeriesSource source = new FileSeriesSource(Arrays.asList(a, b, c));
		source.read(0);
		source.read(2);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> source.read(1));
		assertEquals(b + ": its EXIF orientation is 6 (turned 90 degrees), but a.jpg's is 1 " +
			"(upright); frames are read as stored, and one turned against the others would mix " +
			"up pixel positions, so find frames of one orientation at a time.", e.getMessage());
	}

	/** A 16x16 JPEG with an EXIF segment holding only the orientation tag. */
	static byte[] jpegWithOrientation(final int orientation) throws IOException {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(new BufferedImage(16, 16, BufferedImage.TYPE_BYTE_GRAY), "jpg", out);
		final byte[] jpeg = out.toByteArray();
		final java.nio.ByteBuffer exif = java.nio.ByteBuffer.allocate(2 + 2 + 6 + 8 + 2 + 12 + 4);
		exif.put((byte) 0xff).put((byte) 0xe1).putShort((short) (exif.capacity() - 2));
		exif.put("Exif".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).put((byte) 0).put(
			(byte) 0);
		exif.put((byte) 'M').put((byte) 'M').putShort((short) 42).putInt(8);
		exif.putShort((short) 1);
		exif.putShort((short) 274).putShort((short) 3).putInt(1).putShort((short) orientation).putShort(
			(short) 0);
		exif.putInt(0);
		final ByteArrayOutputStream with = new ByteArrayOutputStream();
		with.write(jpeg, 0, 2);
		with.write(exif.array());
		with.write(jpeg, 2, jpeg.length - 2);
		return with.toByteArray();
	}
}

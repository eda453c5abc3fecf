package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.correct.FileCorrection;
import org.hotpixels.detect.Defect;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FITS: every plane of a cube is a frame, BZERO/BSCALE/BITPIX and BLANK honoured, rows turned so
 * that y counts from the top of the displayed image (FITS rows run bottom-up), and correct
 * writes FITS with the input's header, a HISTORY card and only the repaired pixels changed.
 */
class FitsImageTest {

	@TempDir
	Path tmp;

	private Path write(final String name, final byte[] bytes) throws IOException {
		return Files.write(tmp.resolve(name), bytes);
	}

	@Test
	void unsignedSixteenBitIsTurnedBottomUp() throws IOException {
		final FitsBytes b = new FitsBytes(16, 3, 2).card("BZERO", "32768").card("BSCALE", "1");
		// file order: bottom row 0 1 2, top row 65535 40000 100
		for (final int v : new int[]{ 0, 1, 2, 65535, 40000, 100 })
			b.data().putShort((short) (v - 32768));
		final Path f = write("u16.fits", b.bytes());
		assertEquals(1, ImageFileReader.pageCount(f));
		final Frame frame = ImageFileReader.read(f, 0);
		assertEquals(PixelType.GRAY16, frame.type());
		assertArrayEquals(new short[]{ (short) 65535, (short) 40000, 100, 0, 1, 2 }, (short[]) frame
			.plane(0));
	}

	@Test
	void topDownRowOrderIsNotTurned() throws IOException {
		final FitsBytes b = new FitsBytes(8, 2, 2).card("ROWORDER", "'TOP-DOWN'");
		b.data().put(new byte[]{ 1, 2, 3, 4 });
		assertArrayEquals(new byte[]{ 1, 2, 3, 4 }, (byte[]) ImageFileReader.read(write("td.fits", b
			.bytes()), 0).plane(0));
	}

	@Test
	void everyBitpixGivesThePhysicalValues() throws IOException {
		final FitsBytes b8 = new FitsBytes(8, 2, 1);
		b8.data().put((byte) 200).put((byte) 7);
		final Frame f8 = ImageFileReader.read(write("b8.fits", b8.bytes()), 0);
		assertEquals(PixelType.GRAY8, f8.type());
		assertArrayEquals(new byte[]{ (byte) 200, 7 }, (byte[]) f8.plane(0));

		final FitsBytes s16 = new FitsBytes(16, 2, 1); // signed, no BZERO
		s16.data().putShort((short) -5).putShort((short) 300);
		assertFloats(new float[]{ -5, 300 }, write("s16.fits", s16.bytes()));

		final FitsBytes i32 = new FitsBytes(32, 3, 1).card("BZERO", "10").card("BSCALE", "2").card(
			"BLANK", "-1");
		i32.data().putInt(4).putInt(-1).putInt(1_000_000);
		assertFloats(new float[]{ 18, Float.NaN, 2_000_010 }, write("i32.fits", i32.bytes()));

		final FitsBytes f32 = new FitsBytes(-32, 2, 1);
		f32.data().putFloat(1.5f).putFloat(Float.NaN);
		assertFloats(new float[]{ 1.5f, Float.NaN }, write("f32.fits", f32.bytes()));

		final FitsBytes f64 = new FitsBytes(-64, 2, 1).card("BZERO", "1000");
		f64.data().putDouble(0.25).putDouble(-2);
		assertFloats(new float[]{ 1000.25f, 998 }, write("f64.fits", f64.bytes()));
	}

	private static void assertFloats(final float[] want, final Path file) {
		final Frame f = ImageFileReader.read(file, 0);
		assertEquals(PixelType.GRAY32, f.type(), file.toString());
		assertArrayEquals(want, (float[]) f.plane(0), file.toString());
	}

	@Test
	void everyPlaneOfACubeIsAFrameButAnRgbCubeIsOneColourFrame() throws IOException {
		final FitsBytes cube = new FitsBytes(16, 2, 2, 5).card("BZERO", "32768");
		for (int p = 0; p < 5; p++)
			for (int i = 0; i < 4; i++)
				cube.data().putShort((short) (100 * p + i - 32768));
		final Path f = write("cube.fits", cube.bytes());
		final FileSeriesSource source = new FileSeriesSource(Collections.singletonList(f));
		assertEquals(5, source.size());
		assertEquals(f + " plane 3", source.name(2));
		assertArrayEquals(new short[]{ 302, 303, 300, 301 }, (short[]) source.read(3).plane(0));

		final FitsBytes rgb = new FitsBytes(8, 2, 1, 3).card("CTYPE3", "'RGB     '");
		rgb.data().put(new byte[]{ 1, 2, 3, 4, 5, 6 });
		final Path c = write("rgb.fits", rgb.bytes());
		assertEquals(1, ImageFileReader.pageCount(c));
		final Frame colour = ImageFileReader.read(c, 0);
		assertEquals(3, colour.channels());
		assertArrayEquals(new byte[]{ 5, 6 }, (byte[]) colour.plane(2));
	}

	@Test
	void anImageExtensionIsReadAndTwoImagesAreRefused() throws IOException {
		final FitsBytes ext = FitsBytes.extension(8, 2, 1);
		ext.data().put(new byte[]{ 9, 8 });
		final Path one = write("ext.fits", new FitsBytes(8).then(ext).bytes());
		assertArrayEquals(new byte[]{ 9, 8 }, (byte[]) ImageFileReader.read(one, 0).plane(0));
		final byte[] junk = new byte[3000];
		new Random(2).nextBytes(junk);
		final java.io.ByteArrayOutputStream trailing = new java.io.ByteArrayOutputStream();
		trailing.write(new FitsBytes(8).then(ext).bytes());
		trailing.write(junk);
		assertArrayEquals(new byte[]{ 9, 8 }, (byte[]) ImageFileReader.read(write("junk.fits", trailing
			.toByteArray()), 0).plane(0), "bytes after the last extension are ignored");

		final FitsBytes primary = new FitsBytes(8, 2, 1);
		final Path two = write("two.fits", primary.then(ext).bytes());
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> ImageFileReader
			.pageCount(two));
		assertEquals(two + ": holds 2 images in separate FITS extensions; split them into one " +
			"file each.", e.getMessage());
	}

	@Test
	void truncatedAndHugeFitsAreRefusedBeforeReading() throws IOException {
		final FitsBytes b = new FitsBytes(16, 100, 100, 2);
		final byte[] whole = b.bytes();
		final Path data = write("cut.fits", FitsBytes.cut(whole, whole.length - 2880 - 30000));
		HotPixelsException e = assertThrows(HotPixelsException.class, () -> ImageFileReader.pageCount(
			data));
		assertTrue(e.getMessage().startsWith(data + ": FITS data is truncated ("), e.getMessage());
		final Path header = write("head.fits", Arrays.copyOf(whole, 1000));
		e = assertThrows(HotPixelsException.class, () -> ImageFileReader.read(header, 0));
		assertTrue(e.getMessage().startsWith(header + ": FITS ") && e.getMessage().contains(
			"is truncated (1000 bytes"), e.getMessage());
		final Path cards = write("cards.fits", Arrays.copyOf(whole, 300));
		e = assertThrows(HotPixelsException.class, () -> ImageFileReader.read(cards, 0));
		assertTrue(e.getMessage().startsWith(cards + ": "), e.getMessage());
		final Path huge = write("huge.fits", new FitsBytes(16, 100000, 100000).bytes());
		e = assertThrows(HotPixelsException.class, () -> ImageFileReader.read(huge, 0));
		assertTrue(e.getMessage().contains("refusing to decode it"), e.getMessage());
	}

	/** A 40x30 cube of 12 dark frames (BITPIX 16, BZERO 32768) with one hot pixel. */
	private static FitsBytes darkCube(final int hotX, final int hotRowInFile) {
		final FitsBytes cube = new FitsBytes(16, 40, 30, 12).card("BZERO", "32768").card("EXPTIME",
			"120.0").comment("master dark test");
		final Random r = new Random(7);
		for (int p = 0; p < 12; p++)
			for (int row = 0; row < 30; row++)
				for (int x = 0; x < 40; x++) {
					int v = 1000 + (int) Math.round(r.nextGaussian() * 10);
					if (x == hotX && row == hotRowInFile) v = 9000 + (int) Math.round(r.nextGaussian() * 30);
					cube.data().putShort((short) (v - 32768));
				}
		return cube;
	}

	@Test
	void findReportsYFromTheTopOfTheDisplayedImage() throws IOException {
		final Path f = write("darks.fits", darkCube(11, 4).bytes());
		final FindResult r = HotPixelFinder.find(new FileSeriesSource(Collections.singletonList(f)),
			new FindOptions(), Progress.NONE);
		assertEquals(1, r.defects().size(), r.defects()::toString);
		assertEquals(11, r.defects().get(0).x());
		assertEquals(30 - 1 - 4, r.defects().get(0).y(), "FITS row 5 (1-based) of 30, from the top");
	}

	@Test
	void correctWritesFitsWithItsHeaderAHistoryCardAndOnlyTheRepairedPixels() throws IOException {
		final byte[] original = darkCube(11, 4).bytes();
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("darks.fits");
		Files.write(in, original);
		new FileCorrection(Collections.singletonList(in), tmp.resolve("out")).run(Collections
			.singletonList(Defect.pixel(11, 25, Defect.ALL_CHANNELS)), Progress.NONE);
		final byte[] out = Files.readAllBytes(tmp.resolve("out/darks.fits"));
		assertEquals(original.length, out.length, "the HISTORY card fits in the header's block");
		final String header = new String(out, 0, 2880, StandardCharsets.US_ASCII);
		final String before = new String(original, 0, 2880, StandardCharsets.US_ASCII);
		final int end = before.indexOf("END     ");
		assertEquals(before.substring(0, end), header.substring(0, end), "every card kept");
		assertTrue(header.substring(end).startsWith(String.format("%-80s",
			"HISTORY Hot Pixel Finder repaired 12 pixel values (neighbour median)") + "END"), header);
		final ByteBuffer a = ByteBuffer.wrap(original), b = ByteBuffer.wrap(out);
		int changed = 0;
		for (int p = 0; p < 12; p++)
			for (int row = 0; row < 30; row++)
				for (int x = 0; x < 40; x++) {
					final int at = 2880 + 2 * (p * 1200 + row * 40 + x);
					if (a.getShort(at) == b.getShort(at)) continue;
					changed++;
					assertTrue(x == 11 && row == 4, "changed " + x + "," + row);
					final int v = b.getShort(at) + 32768;
					assertTrue(v > 950 && v < 1050, "repaired to " + v);
				}
		assertEquals(12, changed);
		assertArrayEquals(Arrays.copyOfRange(original, original.length - 2000, original.length), Arrays
			.copyOfRange(out, out.length - 2000, out.length), "padding kept");
	}

	@Test
	void floatFitsIsRepairedInItsOwnType() throws IOException {
		final FitsBytes b = new FitsBytes(-32, 5, 5, 2);
		for (int i = 0; i < 50; i++)
			b.data().putFloat(i % 25 == 12 ? 500f : 1f + i * 0.001f);
		final Path in = Files.createDirectories(tmp.resolve("in")).resolve("f.fit");
		Files.write(in, b.bytes());
		new FileCorrection(Collections.singletonList(in), tmp.resolve("out")).run(Collections
			.singletonList(Defect.pixel(2, 2, Defect.ALL_CHANNELS)), Progress.NONE);
		final List<Frame> frames = Arrays.asList(ImageFileReader.read(tmp.resolve("out/f.fit"), 0),
			ImageFileReader.read(tmp.resolve("out/f.fit"), 1));
		for (final Frame f : frames) {
			final float v = ((float[]) f.plane(0))[12];
			assertTrue(v > 1 && v < 1.1, "repaired to " + v);
		}
	}
}

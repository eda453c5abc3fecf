package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import javax.imageio.ImageIO;

import ij.ImagePlus;
import ij.io.Opener;

import org.hotpixels.TestSeries;
import org.hotpixels.io.KeptMetadata;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 point 5: {@code correct} keeps the camera's TIFF text tags (Make, Model, DateTime,
 * Artist, Copyright) and a JPEG's Exif and ICC segments, and still repairs the pixels.
 */
class CorrectKeepsMetadataTest {

	@TempDir
	Path tmp;

	private static final String[][] TAGS = { { "271", "NIKON CORPORATION" }, { "272", "NIKON D80" }, {
		"306", "2011:06:01 12:00:00" }, { "315", "A. Photographer" }, { "33432", "(c) 2011" } };

	/** An 8-bit grey little-endian TIFF of a test frame, with the text tags above. */
	private static Path taggedTiff(final Path file, final int frame) throws IOException {
		final byte[] px = TestSeries.frame(frame, 1);
		final int entries = 8 + TAGS.length, ifd = 8, text = ifd + 2 + 12 * entries + 4;
		int textBytes = 0;
		for (final String[] t : TAGS)
			textBytes += t[1].length() + 2;
		final int data = text + textBytes;
		final ByteBuffer b = ByteBuffer.allocate(data + px.length).order(ByteOrder.LITTLE_ENDIAN);
		b.put((byte) 'I').put((byte) 'I').putShort((short) 42).putInt(ifd).putShort((short) entries);
		entry(b, 256, 4, 1, TestSeries.W);
		entry(b, 257, 4, 1, TestSeries.H);
		entry(b, 258, 3, 1, 8);
		entry(b, 259, 3, 1, 1);
		entry(b, 262, 3, 1, 1);
		int at = text;
		for (final String[] t : TAGS)
			if (Integer.parseInt(t[0]) < 273) {
				entry(b, Integer.parseInt(t[0]), 2, t[1].length() + 1, at);
				at += t[1].length() + 2;
			}
		entry(b, 273, 4, 1, data);
		entry(b, 278, 4, 1, TestSeries.H);
		entry(b, 279, 4, 1, px.length);
		for (final String[] t : TAGS)
			if (Integer.parseInt(t[0]) > 279) {
				entry(b, Integer.parseInt(t[0]), 2, t[1].length() + 1, at);
				at += t[1].length() + 2;
			}
		b.putInt(0);
		for (final String[] t : TAGS) {
			b.put(t[1].getBytes(StandardCharsets.US_ASCII)).put((byte) 0).put((byte) 0);
		}
		b.put(px);
		return Files.write(file, b.array());
	}

	private static void entry(final ByteBuffer b, final int tag, final int type, final int count,
		final int value)
	{
		b.putShort((short) tag).putShort((short) type).putInt(count);
		if (type == 3) b.putShort((short) value).putShort((short) 0);
		else b.putInt(value);
	}

	@Test
	void tiffTextTagsAreKept() throws IOException {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		for (int f = 0; f < 3; f++)
			taggedTiff(in.resolve("f" + f + ".tif"), f);
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n".getBytes(
			StandardCharsets.UTF_8));
		CliRun.of("correct", in.toString(), "-d", defects.toString(), "-o", out.toString())
			.assertSuccess();
		final KeptMetadata kept = KeptMetadata.read(out.resolve("f1.tif"));
		for (final String[] t : TAGS)
			assertEquals(t[1], kept.tiffTag(Integer.parseInt(t[0])), "tag " + t[0]);
		final ImagePlus original = new Opener().openImage(in.resolve("f1.tif").toString());
		final ImagePlus copy = new Opener().openImage(out.resolve("f1.tif").toString());
		assertNotNull(copy);
		assertEquals(8, copy.getBitDepth());
		int changed = 0;
		for (int y = 0; y < TestSeries.H; y++)
			for (int x = 0; x < TestSeries.W; x++)
				if (original.getProcessor().get(x, y) != copy.getProcessor().get(x, y)) {
					changed++;
					assertTrue(x == 50 && y == 60, "pixel " + x + "," + y + " changed");
				}
		assertEquals(1, changed);
	}

	/** A JPEG segment: marker, length, identifier and content. */
	private static byte[] segment(final int marker, final byte[] content) {
		final ByteArrayOutputStream s = new ByteArrayOutputStream();
		s.write(0xff);
		s.write(marker);
		s.write(content.length + 2 >> 8);
		s.write(content.length + 2 & 0xff);
		s.write(content, 0, content.length);
		return s.toByteArray();
	}

	@Test
	void jpegExifAndIccAreKept() throws IOException {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		final ByteArrayOutputStream exifBody = new ByteArrayOutputStream();
		exifBody.write("Exif\0\0".getBytes(StandardCharsets.ISO_8859_1));
		exifBody.write(new byte[]{ 'I', 'I', 42, 0, 8, 0, 0, 0, 0, 0, 0, 0, 0, 0 });
		final byte[] exif = segment(0xe1, exifBody.toByteArray());
		final ByteArrayOutputStream iccBody = new ByteArrayOutputStream();
		iccBody.write("ICC_PROFILE\0".getBytes(StandardCharsets.ISO_8859_1));
		iccBody.write(1);
		iccBody.write(1);
		final byte[] profile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
		iccBody.write(profile, 0, profile.length);
		final byte[] icc = segment(0xe2, iccBody.toByteArray());
		for (int f = 0; f < 3; f++) {
			final BufferedImage img = new BufferedImage(TestSeries.W, TestSeries.H,
				BufferedImage.TYPE_INT_RGB);
			final byte[] grey = TestSeries.frame(f, 1);
			for (int i = 0; i < grey.length; i++)
				img.setRGB(i % TestSeries.W, i / TestSeries.W, (grey[i] & 0xff) * 0x10101);
			final ByteArrayOutputStream jpeg = new ByteArrayOutputStream();
			ImageIO.write(img, "jpg", jpeg);
			final byte[] j = jpeg.toByteArray();
			final ByteArrayOutputStream withMeta = new ByteArrayOutputStream();
			withMeta.write(j, 0, 2);
			withMeta.write(exif, 0, exif.length);
			withMeta.write(icc, 0, icc.length);
			withMeta.write(j, 2, j.length - 2);
			Files.write(in.resolve("f" + f + ".jpg"), withMeta.toByteArray());
		}
		final Path defects = Files.write(tmp.resolve("d.csv"), "x,y\n50,60\n".getBytes(
			StandardCharsets.UTF_8));
		CliRun.of("correct", in.toString(), "-d", defects.toString(), "-o", out.toString())
			.assertSuccess();
		final byte[] copy = Files.readAllBytes(out.resolve("f1.jpg"));
		assertTrue(indexOf(copy, exif) > 0, "Exif segment lost");
		assertTrue(indexOf(copy, icc) > 0, "ICC segment lost");
		assertNotNull(ImageIO.read(out.resolve("f1.jpg").toFile()), "the copy is not a JPEG");
	}

	private static int indexOf(final byte[] in, final byte[] part) {
		outer : for (int i = 0; i + part.length <= in.length; i++) {
			for (int k = 0; k < part.length; k++)
				if (in[i + k] != part[k]) continue outer;
			return i;
		}
		return -1;
	}
}

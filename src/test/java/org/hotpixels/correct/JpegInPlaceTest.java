package org.hotpixels.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import javax.imageio.ImageIO;

import org.hotpixels.io.jpeg.JpegStreamTest;
import org.hotpixels.ExternalProgram;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * correct repairs a JPEG in place: only the DCT blocks that hold a defect change, EXIF and ICC
 * segments stay byte for byte, the size stays within 1%, and the defect is gone.
 */
class JpegInPlaceTest {

	private static final int W = 640, H = 480;
	/** An EXIF segment (APP1) and an ICC profile segment (APP2), as a camera writes them. */
	private static final byte[] APP1 = segment(0xe1, "Exif\0\0MM\0*\0\0\0\10\0\0 camera");
	private static final byte[] APP2 = segment(0xe2, "ICC_PROFILE\0\1\1" + new String(
		java.awt.color.ICC_Profile.getInstance(java.awt.color.ColorSpace.CS_sRGB).getData(),
		StandardCharsets.ISO_8859_1));

	@TempDir
	Path dir;

	private static byte[] segment(final int marker, final String payload) {
		final byte[] p = payload.getBytes(StandardCharsets.ISO_8859_1);
		final byte[] s = new byte[p.length + 4];
		s[0] = (byte) 0xff;
		s[1] = (byte) marker;
		s[2] = (byte) ((p.length + 2) >> 8);
		s[3] = (byte) (p.length + 2);
		System.arraycopy(p, 0, s, 4, p.length);
		return s;
	}

	/** A textured photo-like JPEG (4:2:0, quality 90) with a hot pixel and a hot column segment. */
	private static byte[] photo(final boolean progressive) throws IOException {
		final BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
		final Random r = new Random(8);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				img.setRGB(x, y, (40 + x / 5 + r.nextInt(40)) << 16 | (60 + y / 4 + r.nextInt(40)) << 8 |
					(90 + (x + y) / 10 + r.nextInt(40)));
		img.setRGB(300, 200, 0xffffff);
		for (int y = 100; y <= 300; y++)
			img.setRGB(401, y, 0xf8f8f8);
		final byte[] plain = JpegStreamTest.encode(img, progressive);
		// after the JFIF segment (APP0), as cameras that write JFIF do
		final int app0 = 4 + ((plain[4] & 0xff) << 8 | plain[5] & 0xff);
		final ByteArrayOutputStream withExif = new ByteArrayOutputStream();
		withExif.write(plain, 0, app0);
		withExif.write(APP1);
		withExif.write(APP2);
		withExif.write(plain, app0, plain.length - app0);
		return withExif.toByteArray();
	}

	private static final List<Defect> DEFECTS = Arrays.asList(Defect.pixel(300, 200,
		Defect.ALL_CHANNELS), new Defect(401, 150, Defect.ALL_CHANNELS, DefectKind.COLUMN, 248, 1, 0, 0,
			120, 1, 30, 201, 401, 100, 401, 300));

	private FileCorrectionResult correct(final byte[] file) throws IOException {
		final Path in = Files.createDirectories(dir.resolve("in"));
		Files.write(in.resolve("IMG_0001.JPG"), file);
		return new FileCorrection(Collections.singletonList(in.resolve("IMG_0001.JPG")), dir.resolve(
			"out")).run(DEFECTS, Progress.NONE);
	}

	@Test
	void onlyTheDefectsBlocksChange() throws Exception {
		final byte[] original = photo(false);
		final FileCorrectionResult result = correct(original);
		final byte[] repaired = Files.readAllBytes(dir.resolve("out/IMG_0001.JPG"));
		assertTrue(result.warnings().get(0).contains("8x8 blocks that hold a defect"), result.warnings()
			.toString());
		// every segment before the scan kept byte for byte: JFIF, EXIF, ICC, tables
		assertEquals(segments(original, 0xe1), segments(repaired, 0xe1), "EXIF");
		assertEquals(segments(original, 0xe2), segments(repaired, 0xe2), "ICC");
		final int sos = indexOfScan(original);
		assertEquals(Arrays.toString(Arrays.copyOf(original, sos)), Arrays.toString(Arrays.copyOf(
			repaired, sos)));
		assertTrue(Math.abs(repaired.length - original.length) <= original.length / 100,
			original.length + " -> " + repaired.length + " bytes");
		final BufferedImage before = ImageIO.read(new ByteArrayInputStream(original));
		final BufferedImage after = ImageIO.read(new ByteArrayInputStream(repaired));
		// the defects are gone: each now within 40 grey levels of its neighbours' mean
		for (final int[] p : new int[][]{ { 300, 200 }, { 401, 120 }, { 401, 200 }, { 401, 300 } }) {
			final int v = grey(after, p[0], p[1]);
			final int n = (grey(after, p[0] - 2, p[1]) + grey(after, p[0] + 2, p[1])) / 2;
			assertTrue(grey(before, p[0], p[1]) > n + 60, "planted at " + p[0] + "," + p[1]);
			assertTrue(Math.abs(v - n) < 40, p[0] + "," + p[1] + " is " + v + ", neighbours " + n);
		}
		// every pixel away from the defects' blocks (and the chroma upsampling beside them) is the
		// same as before
		int changed = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				if (before.getRGB(x, y) == after.getRGB(x, y)) continue;
				changed++;
				final boolean nearPixel = Math.abs(x - 300) < 24 && Math.abs(y - 200) < 24;
				final boolean nearColumn = Math.abs(x - 401) < 24 && y > 100 - 24 && y < 300 + 24;
				assertTrue(nearPixel || nearColumn, "(" + x + ", " + y + ") changed");
			}
		assertTrue(changed > 0 && changed < 30 * 260, changed + " pixels changed");
		System.out.println("JPEG repaired in place: " + original.length + " -> " + repaired.length +
			" bytes, " + changed + " of " + W * H + " pixels changed");
		// and a real decoder reads it without a complaint
		final Path djpeg = ExternalProgram.find("djpeg");
		if (djpeg != null) assertEquals("", ExternalProgram.run(dir, 60, djpeg.toString(), "-outfile",
			dir.resolve("check.ppm").toString(), dir.resolve("out/IMG_0001.JPG").toString()).trim());
	}

	/** Re-encoded like the original: same tables, subsampling, progressive scans and segments. */
	@Test
	void aProgressiveFileIsReencodedLikeTheOriginalWithANote() throws Exception {
		final byte[] original = photo(true);
		final FileCorrectionResult result = correct(original);
		assertTrue(result.warnings().toString().contains(
			"IMG_0001.JPG: progressive JPEG cannot be repaired block by block; re-encoded whole, " +
				"with the original's quantisation tables, subsampling and metadata."), result.warnings()
					.toString());
		final byte[] written = Files.readAllBytes(dir.resolve("out/IMG_0001.JPG"));
		final BufferedImage after = ImageIO.read(new ByteArrayInputStream(written));
		assertTrue(Math.abs(grey(after, 300, 200) - grey(after, 298, 200)) < 40);
		assertEquals(segments(original, 0xdb), segments(written, 0xdb), "quantisation tables");
		assertEquals(segments(original, 0xc2), segments(written, 0xc2), "progressive frame header");
		assertEquals(segments(original, 0xe1), segments(written, 0xe1), "EXIF");
		assertTrue(segments(original, 0xe1).length() > 10);
		assertTrue(Math.abs(written.length - original.length) < original.length / 20, original.length +
			" -> " + written.length + " bytes");
		System.out.println("progressive JPEG re-encoded like the original: " + original.length +
			" -> " + written.length + " bytes");
	}

	private static int indexOfScan(final byte[] file) {
		int p = 2;
		while ((file[p + 1] & 0xff) != 0xda)
			p += 2 + ((file[p + 2] & 0xff) << 8 | file[p + 3] & 0xff);
		return p;
	}

	/** The segments with this marker, as hex, in order. */
	private static String segments(final byte[] file, final int marker) {
		final StringBuilder sb = new StringBuilder();
		for (int p = 2; p + 4 <= file.length;) {
			final int m = file[p + 1] & 0xff, len = (file[p + 2] & 0xff) << 8 | file[p + 3] & 0xff;
			if (m == 0xda) break;
			if (m == marker) {
				for (int i = p; i < p + 2 + len; i++)
					sb.append(String.format("%02x", file[i]));
				sb.append(' ');
			}
			p += 2 + len;
		}
		return sb.toString();
	}

	private static int grey(final BufferedImage img, final int x, final int y) {
		final int rgb = img.getRGB(x, y);
		return ((rgb >> 16 & 0xff) + (rgb >> 8 & 0xff) + (rgb & 0xff)) / 3;
	}
}

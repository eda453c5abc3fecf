package org.hotpixels.correct;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/** The corrector against {@link CorrectionReference} and hand-computed values. */
class DefectCorrectorTest {

	private static final int W = 40, H = 30;

	/** Isolated pixels, a 3x3 and a 5x5 cluster, borders, corners, a column segment. */
	private static List<Defect> mixedDefects(final int channel) {
		final List<Defect> d = new ArrayList<>();
		d.add(Defect.pixel(10, 10, channel));
		d.add(Defect.pixel(11, 12, channel)); // shares a window with (10, 10)
		d.add(Defect.pixel(0, 0, channel));
		d.add(Defect.pixel(W - 1, 0, channel));
		d.add(Defect.pixel(0, H - 1, channel));
		d.add(Defect.pixel(W - 1, H - 1, channel));
		d.add(Defect.pixel(0, 15, channel));
		d.add(Defect.pixel(20, H - 1, channel));
		d.add(Defect.region(20, 5, 22, 7, channel, DefectKind.HOT)); // 3x3 cluster
		d.add(Defect.region(28, 18, 32, 22, channel, null)); // 5x5: centre needs 7x7
		d.add(Defect.region(1, 0, 2, 1, channel, null)); // 2x2 touching the corner defect
		d.add(Defect.region(35, 3, 35, 26, channel, null)); // column segment
		return d;
	}

	private static Frame random(final PixelType type, final int planes, final long seed) {
		final Random r = new Random(seed);
		final Object[] p = new Object[planes];
		for (int i = 0; i < planes; i++) {
			p[i] = Frame.newPlane(type, W * H);
			for (int k = 0; k < W * H; k++)
				switch (type) {
					case GRAY8 :
						((byte[]) p[i])[k] = (byte) r.nextInt(256);
						break;
					case GRAY16 :
						((short[]) p[i])[k] = (short) r.nextInt(65536);
						break;
					case GRAY32 :
						((float[]) p[i])[k] = (float) (r.nextGaussian() * 1000);
						break;
					default :
						((int[]) p[i])[k] = 0xff000000 | r.nextInt(1 << 24);
				}
		}
		return Frame.of("random", type, W, H, p);
	}

	/** Corrects, compares with the reference (whole arrays), and checks the input is unchanged. */
	private static Frame check(final Frame in, final List<Defect> defects) {
		final Object[] before = new Object[in.planeCount()];
		for (int p = 0; p < before.length; p++)
			before[p] = CorrectionReference.copy(in.plane(p));
		final Frame out = new DefectCorrector(defects, W, H, in.channels()).correct(in);
		final Frame expected = CorrectionReference.expected(in, defects, 1);
		for (int p = 0; p < in.planeCount(); p++) {
			assertArrays(expected.plane(p), out.plane(p), "plane " + p);
			assertArrays(before[p], in.plane(p), "input plane " + p + " was modified");
		}
		return out;
	}

	private static void assertArrays(final Object expected, final Object actual,
		final String message)
	{
		if (expected instanceof byte[]) assertArrayEquals((byte[]) expected, (byte[]) actual, message);
		else if (expected instanceof short[]) assertArrayEquals((short[]) expected, (short[]) actual,
			message);
		else if (expected instanceof float[]) assertArrayEquals((float[]) expected, (float[]) actual,
			message);
		else assertArrayEquals((int[]) expected, (int[]) actual, message);
	}

	@Test
	void gray8MatchesReference() {
		check(random(PixelType.GRAY8, 1, 1), mixedDefects(0));
	}

	@Test
	void gray16MatchesReferenceAboveSignedRange() {
		check(random(PixelType.GRAY16, 1, 2), mixedDefects(Defect.ALL_CHANNELS));
	}

	@Test
	void floatMatchesReference() {
		check(random(PixelType.GRAY32, 1, 3), mixedDefects(0));
	}

	@Test
	void floatNeighboursThatAreNaNAreIgnored() {
		final Frame in = random(PixelType.GRAY32, 1, 4);
		final float[] p = (float[]) in.plane(0);
		p[9 * W + 10] = Float.NaN;
		p[11 * W + 9] = Float.NaN;
		final Frame out = check(in, mixedDefects(0));
		assertTrue(!Float.isNaN(((float[]) out.plane(0))[10 * W + 10]));
	}

	@Test
	void rgbChangesOnlyTheDefectiveChannel() {
		final Frame in = random(PixelType.RGB, 1, 5);
		final List<Defect> defects = mixedDefects(1); // green only
		defects.add(Defect.pixel(5, 25, 0));
		defects.add(Defect.pixel(6, 25, Defect.ALL_CHANNELS));
		final Frame out = check(in, defects);
		final int[] a = (int[]) in.plane(0), b = (int[]) out.plane(0);
		assertEquals(a[10 * W + 10] & 0xffff00ff, b[10 * W + 10] & 0xffff00ff,
			"alpha, red and blue of a green defect");
		assertEquals(a[25 * W + 5] & 0xff00ffff, b[25 * W + 5] & 0xff00ffff,
			"alpha, green and blue of a red defect");
	}

	@Test
	void multiPlaneFrameChangesOnlyTheDefectivePlane() {
		final Frame in = random(PixelType.GRAY16, 3, 6);
		final Frame out = check(in, mixedDefects(2));
		assertArrayEquals((short[]) in.plane(0), (short[]) out.plane(0));
		assertArrayEquals((short[]) in.plane(1), (short[]) out.plane(1));
	}

	@Test
	void clusterIsFilledFromOutside() {
		final byte[] p = new byte[W * H];
		Arrays.fill(p, (byte) 10);
		for (int y = 5; y <= 7; y++)
			for (int x = 20; x <= 22; x++)
				p[y * W + x] = (byte) 250;
		final Frame out = new DefectCorrector(Arrays.asList(Defect.region(20, 5, 22, 7, 0,
			DefectKind.HOT)), W, H, 1).correct(Frame.of("c", PixelType.GRAY8, W, H, p));
		final byte[] q = (byte[]) out.plane(0);
		for (int i = 0; i < q.length; i++)
			assertEquals(10, q[i], "pixel " + i);
	}

	@Test
	void evenCountMedianRoundsHalfUp() {
		// 3x3 image, defect in the centre: neighbours 1..8, median (4 + 5) / 2 = 4.5 -> 5
		final byte[] p = { 1, 2, 3, 4, (byte) 200, 5, 6, 7, 8 };
		final Frame out = new DefectCorrector(Arrays.asList(Defect.pixel(1, 1, 0)), 3, 3, 1).correct(
			Frame.of("t", PixelType.GRAY8, 3, 3, p));
		assertEquals(5, ((byte[]) out.plane(0))[4]);
		// corner (0,0): neighbours 2, 4, and the centre 200: median 4
		final Frame corner = new DefectCorrector(Arrays.asList(Defect.pixel(0, 0, 0)), 3, 3, 1).correct(
			Frame.of("t", PixelType.GRAY8, 3, 3, p));
		assertEquals(4, ((byte[]) corner.plane(0))[0]);
	}

	@Test
	void cornerWithTwoValidNeighboursWidensTo5x5() {
		// 5x5 ramp; defects at (0,0) and (1,0): (0,0) has only (0,1), (1,1) valid in 3x3
		final short[] p = new short[25];
		for (int i = 0; i < 25; i++)
			p[i] = (short) (100 * i);
		final Frame out = new DefectCorrector(Arrays.asList(Defect.pixel(0, 0, 0), Defect.pixel(1, 0,
			0)), 5, 5, 1).correct(Frame.of("t", PixelType.GRAY16, 5, 5, p));
		// 5x5 window of (0,0): x 0..2, y 0..2 minus the 2 defects -> 2,5,6,7,10,11,12 -> 700
		assertEquals(700, ((short[]) out.plane(0))[0]);
	}

	@Test
	void cfaUsesSameColourSitesOnly() {
		final int w = 20, h = 16;
		final short[] p = new short[w * h];
		final int[] colour = { 1000, 2000, 3000, 4000 }; // RGGB sites: R, G1, G2, B
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = (short) colour[(y & 1) * 2 + (x & 1)];
		final List<Defect> defects = new ArrayList<>();
		defects.add(Defect.region(8, 6, 9, 7, 0, DefectKind.HOT)); // one site of each colour
		defects.add(Defect.pixel(0, 0, 0));
		defects.add(Defect.pixel(w - 1, h - 1, 0));
		defects.add(Defect.pixel(w - 2, 0, 0));
		defects.add(Defect.region(4, 0, 4, h - 1, 0, null)); // a whole column of R and G2
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					p[y * w + x] = (short) 65535;
		final Frame out = new DefectCorrector(defects, w, h, 1, CfaPattern.RGGB, false).correct(Frame
			.of("cfa", PixelType.GRAY16, w, h, p));
		final short[] q = (short[]) out.plane(0);
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				assertEquals(colour[(y & 1) * 2 + (x & 1)], q[y * w + x] & 0xffff, "(" + x + ", " + y +
					")");
	}

	@Test
	void cfaMatchesReferenceOnRandomMosaic() {
		final Frame in = random(PixelType.GRAY8, 1, 7);
		final List<Defect> defects = mixedDefects(0);
		final Frame out = new DefectCorrector(defects, W, H, 1, CfaPattern.GBRG, false).correct(in);
		assertArrayEquals((byte[]) CorrectionReference.expected(in, defects, 2).plane(0), (byte[]) out
			.plane(0));
	}

	@Test
	void oneCorrectorServesManyFrames() {
		final List<Defect> defects = mixedDefects(0);
		final DefectCorrector corrector = new DefectCorrector(defects, W, H, 1);
		for (long seed = 10; seed < 13; seed++) {
			final Frame in = random(PixelType.GRAY16, 1, seed);
			assertArrayEquals((short[]) CorrectionReference.expected(in, defects, 1).plane(0),
				(short[]) corrector.correct(in).plane(0));
		}
		assertEquals(8 + 9 + 25 + 4 + 24, corrector.pixelCount()); // pixels, clusters, column
	}

	@Test
	void wholeColumnToImageEdgeIsClipped() {
		final Frame in = random(PixelType.GRAY8, 1, 8);
		final Defect column = new Defect(7, 0, Defect.ALL_CHANNELS, null, Double.NaN, Double.NaN,
			Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Integer.MAX_VALUE, 7, 0, 7,
			Integer.MAX_VALUE);
		final Frame out = new DefectCorrector(Arrays.asList(column), W, H, 1).correct(in);
		assertArrayEquals((byte[]) CorrectionReference.expected(in, Arrays.asList(Defect.region(7, 0, 7,
			H - 1, 0, null)), 1).plane(0), (byte[]) out.plane(0));
	}

	@Test
	void defectOutsideTheImageIsNamed() {
		final List<Defect> defects = Arrays.asList(Defect.pixel(5, 5, 0), Defect.pixel(5000, 12, 0));
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> new DefectCorrector(
			defects, 640, 480, 1));
		assertEquals("Defect at (5000, 12) lies outside the 640x480 image.", e.getMessage());
		final DefectCorrector skipping = new DefectCorrector(defects, 640, 480, 1, null, true);
		assertEquals(1, skipping.skippedCount());
		assertEquals(1, skipping.pixelCount());
	}

	@Test
	void channelTheImageLacksIsAnError() {
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> new DefectCorrector(
			Arrays.asList(Defect.pixel(5, 12, 2)), 640, 480, 1));
		assertTrue(e.getMessage().contains("channel 2"), e.getMessage());
	}

	@Test
	void frameOfAnotherShapeIsAnError() {
		final DefectCorrector corrector = new DefectCorrector(mixedDefects(0), W, H, 1);
		final Frame other = Frame.of("big.tif", PixelType.GRAY8, W + 1, H, new byte[(W + 1) * H]);
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> corrector.correct(
			other));
		assertTrue(e.getMessage().startsWith("big.tif is 41x30"), e.getMessage());
	}

	@Test
	void cfaNeedsOneChannel() {
		assertThrows(HotPixelsException.class, () -> new DefectCorrector(mixedDefects(0), W, H, 3,
			CfaPattern.RGGB, false));
	}

	@Test
	void pixelsWithoutValidNeighboursStay() {
		final Frame in = random(PixelType.GRAY8, 1, 9);
		final DefectCorrector all = new DefectCorrector(Arrays.asList(Defect.region(0, 0, W - 1, H - 1,
			0, null)), W, H, 1);
		assertEquals(W * H, all.unrepairedCount());
		assertArrayEquals((byte[]) in.plane(0), (byte[]) all.correct(in).plane(0));
	}
}

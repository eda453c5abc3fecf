package org.hotpixels.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Collections;

import org.hotpixels.detect.Defect;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 point 5: in float images NaN and infinite neighbours are not valid neighbours; the
 * window widens past them as past defects, so a repair never rests on one neighbour nor writes
 * an infinity.
 */
class NonFiniteNeighboursTest {

	private static final int W = 9, H = 9;

	private static float[] ramp() {
		final float[] p = new float[W * H];
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				p[y * W + x] = x + 10 * y;
		return p;
	}

	private static float repaired(final float[] p) {
		final Frame out = new DefectCorrector(Collections.singletonList(Defect.pixel(4, 4, 0)), W, H, 1)
			.correct(Frame.of("f", PixelType.GRAY32, W, H, new Object[]{ p }));
		return ((float[]) out.plane(0))[4 * W + 4];
	}

	/** The median of the finite values in the (2r+1)^2 window around (4, 4), centre left out. */
	private static float median(final float[] p, final int r) {
		final float[] v = new float[(2 * r + 1) * (2 * r + 1)];
		int n = 0;
		for (int y = 4 - r; y <= 4 + r; y++)
			for (int x = 4 - r; x <= 4 + r; x++)
				if ((x != 4 || y != 4) && Float.isFinite(p[y * W + x])) v[n++] = p[y * W + x];
		final float[] s = Arrays.copyOf(v, n);
		Arrays.sort(s);
		return n % 2 == 1 ? s[n / 2] : (float) (((double) s[n / 2 - 1] + s[n / 2]) / 2);
	}

	@Test
	void nanNeighboursWidenTheWindowInsteadOfLeavingOneNeighbour() {
		final float[] p = ramp();
		for (int y = 3; y <= 5; y++)
			for (int x = 3; x <= 5; x++)
				if (x != 3 || y != 3) p[y * W + x] = Float.NaN;
		p[4 * W + 4] = 1000; // the defect
		assertEquals(median(p, 2), repaired(p), 0f);
	}

	@Test
	void infiniteNeighboursAreSkipped() {
		final float[] p = ramp();
		p[3 * W + 3] = Float.POSITIVE_INFINITY;
		p[3 * W + 4] = Float.POSITIVE_INFINITY;
		p[3 * W + 5] = Float.POSITIVE_INFINITY;
		p[4 * W + 3] = Float.NEGATIVE_INFINITY;
		p[4 * W + 4] = Float.POSITIVE_INFINITY; // the defect itself
		final float v = repaired(p);
		assertEquals(median(p, 1), v, 0f);
		assertEquals(true, Float.isFinite(v));
		// all eight 3x3 neighbours infinite: the 5x5 ring repairs it
		for (int y = 3; y <= 5; y++)
			for (int x = 3; x <= 5; x++)
				if (x != 4 || y != 4) p[y * W + x] = Float.POSITIVE_INFINITY;
		assertEquals(median(p, 2), repaired(p), 0f);
	}
}

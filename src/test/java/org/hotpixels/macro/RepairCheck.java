package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ij.process.ImageProcessor;

/**
 * Checks a corrected frame against its original: every pixel not planted as a defect is
 * unchanged, and each planted pixel now lies within a few grey levels of the median of its
 * eight neighbours in the original (computed here, independently of the corrector).
 */
final class RepairCheck {

	/** Grey levels a repaired pixel may differ from its neighbours' median. */
	static final double TOLERANCE = 8;

	private RepairCheck() {}

	static void assertRepaired(final ImageProcessor original, final ImageProcessor corrected,
		final String frame, final int[]... planted)
	{
		assertEquals(original.getWidth(), corrected.getWidth(), frame);
		assertEquals(original.getHeight(), corrected.getHeight(), frame);
		for (int y = 0; y < original.getHeight(); y++)
			for (int x = 0; x < original.getWidth(); x++) {
				final double before = original.getPixelValue(x, y), after = corrected.getPixelValue(x, y);
				if (isPlanted(planted, x, y)) {
					final double median = neighbourMedian(original, x, y);
					assertTrue(Math.abs(after - median) <= TOLERANCE, frame + ": (" + x + "," + y +
						") repaired to " + after + ", neighbours' median " + median + ", was " + before);
				}
				else assertEquals(before, after, 0.0, frame + ": (" + x + "," + y + ") must not change");
			}
	}

	private static boolean isPlanted(final int[][] planted, final int x, final int y) {
		for (final int[] p : planted)
			if (p != null && p[0] == x && p[1] == y) return true;
		return false;
	}

	private static double neighbourMedian(final ImageProcessor ip, final int x, final int y) {
		final double[] v = new double[8];
		int n = 0;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++)
				if ((dx != 0 || dy != 0) && x + dx >= 0 && y + dy >= 0 && x + dx < ip.getWidth() && y +
					dy < ip.getHeight()) v[n++] = ip.getPixelValue(x + dx, y + dy);
		Arrays.sort(v, 0, n);
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
	}
}

package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link BoxSums} against window sums added up pixel by pixel. The values are multiples of 1/8
 * below 1000, so that every sum is exact in double whatever the order of the additions, and the
 * sliding sums must match to the last bit.
 */
class BoxSumsTest {

	@Test
	void bandsMatchWindowsAddedPixelByPixel() {
		final Random random = new Random(3);
		final int[][] sizes = { { 37, 29 }, { 64, 64 }, { 5, 40 }, { 40, 3 }, { 2, 2 }, { 1, 17 }, { 17,
			1 } };
		for (final int[] size : sizes)
			for (int r = 1; r <= 3; r++) {
				final int w = size[0], h = size[1];
				// NaN in every row, in none, in one row of three (rows without NaN take a faster way)
				for (final int nanRows : new int[]{ 1, 0, 3 }) {
					final float[] values = values(random, w, h, nanRows);
					// the whole plane, then bands of several heights (the ring of row sums wraps)
					check(values, w, h, r, 0, h);
					for (final int band : new int[]{ 1, 2, 3, 5, 7, 16 })
						for (int from = 0; from < h; from += band)
							check(values, w, h, r, from, Math.min(h, from + band));
				}
			}
	}

	@Test
	void aBandsOwnCopyWithItsMargins() {
		final int w = 23, h = 31, r = 2, from = 9, to = 20;
		final float[] values = values(new Random(5), w, h, 1);
		final int first = from - r, last = to + r;
		final float[] copy = Arrays.copyOfRange(values, first * w, last * w);
		final double[][] sums = new double[h][];
		final int[][] counts = new int[h][];
		BoxSums.band(copy, first, w, h, r, from, to, (y, sum, count) -> {
			sums[y] = sum.clone();
			counts[y] = count.clone();
		});
		for (int y = from; y < to; y++)
			for (int x = 0; x < w; x++) {
				assertEquals(windowSum(values, w, h, r, x, y), sums[y][x], 0, "sum at " + x + "," + y);
				assertEquals(windowCount(values, w, h, r, x, y), counts[y][x], "count at " + x + "," + y);
			}
	}

	/**
	 * Multiples of 1/8 below 1000; in every {@code nanRows}-th row (none if 0) one in ten NaN.
	 */
	private static float[] values(final Random random, final int w, final int h, final int nanRows) {
		final float[] values = new float[w * h];
		for (int i = 0; i < values.length; i++)
			values[i] = nanRows > 0 && (i / w) % nanRows == 0 && random.nextInt(10) == 0 ? Float.NaN
				: random.nextInt(8000) / 8f;
		return values;
	}

	private static void check(final float[] values, final int w, final int h, final int r,
		final int from, final int to)
	{
		final boolean[] seen = new boolean[h];
		BoxSums.band(values, 0, w, h, r, from, to, (y, sum, count) -> {
			seen[y] = true;
			for (int x = 0; x < w; x++) {
				final String where = x + "," + y + " of " + w + "x" + h + ", r " + r + ", rows " + from +
					".." + to;
				assertEquals(windowSum(values, w, h, r, x, y), sum[x], 0, "sum at " + where);
				assertEquals(windowCount(values, w, h, r, x, y), count[x], "count at " + where);
			}
		});
		for (int y = 0; y < h; y++)
			assertEquals(y >= from && y < to, seen[y], "row " + y + " handed over");
	}

	private static double windowSum(final float[] values, final int w, final int h, final int r,
		final int x, final int y)
	{
		double sum = 0;
		for (int v = Math.max(0, y - r); v <= Math.min(h - 1, y + r); v++)
			for (int u = Math.max(0, x - r); u <= Math.min(w - 1, x + r); u++)
				if (!Float.isNaN(values[v * w + u])) sum += values[v * w + u];
		return sum;
	}

	private static int windowCount(final float[] values, final int w, final int h, final int r,
		final int x, final int y)
	{
		int count = 0;
		for (int v = Math.max(0, y - r); v <= Math.min(h - 1, y + r); v++)
			for (int u = Math.max(0, x - r); u <= Math.min(w - 1, x + r); u++)
				if (!Float.isNaN(values[v * w + u])) count++;
		return count;
	}
}

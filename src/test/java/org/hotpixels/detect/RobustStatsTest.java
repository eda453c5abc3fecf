package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The fast approximations of {@link RobustStats} against {@link Math#log} and {@link Math#log1p};
 * its selection against sorting.
 */
class RobustStatsTest {

	@Test
	void selectFindsWhatSortingPutsAtK() {
		final java.util.Random random = new java.util.Random(11);
		for (int trial = 0; trial < 400; trial++) {
			final int n = 1 + random.nextInt(trial < 200 ? 40 : 5000);
			// few distinct values (quantised data, many ties), continuous ones, sorted runs
			final int kind = trial % 4;
			final float[] values = new float[n];
			for (int i = 0; i < n; i++)
				values[i] = kind == 0 ? random.nextInt(5) : kind == 1 ? (float) random.nextGaussian()
					: kind == 2 ? i : n - i + random.nextInt(3);
			final float[] sorted = values.clone();
			java.util.Arrays.sort(sorted);
			final int k = random.nextInt(n);
			final float[] a = values.clone();
			assertEquals(sorted[k], RobustStats.select(a, n, k), "n " + n + ", k " + k);
			for (int i = 0; i < n; i++)
				if (i < k) assertTrue(a[i] <= a[k], "before k at " + i);
				else if (i > k) assertTrue(a[i] >= a[k], "after k at " + i);
			final float[] b = values.clone();
			final float median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
			assertEquals(median, RobustStats.median(b, n), "median of " + n);
		}
	}

	@Test
	void risingSelectionsFromTheRestFindWhatSortingPutsThere() {
		final java.util.Random random = new java.util.Random(12);
		for (int trial = 0; trial < 100; trial++) {
			final int n = 1 + random.nextInt(20000);
			final float[] a = new float[n];
			for (int i = 0; i < n; i++)
				a[i] = trial % 2 == 0 ? random.nextInt(50) : (float) random.nextGaussian();
			final float[] sorted = a.clone();
			java.util.Arrays.sort(sorted);
			int from = 0;
			for (int index = random.nextInt(n); index < n; index += 1 + random.nextInt(n / 4 + 1)) {
				assertEquals(sorted[index], RobustStats.selectFrom(a, from, n, index - from), "n " + n +
					", index " + index);
				from = index + 1;
			}
		}
	}

	@Test
	void fastLogMatchesMathLog() {
		for (double x = 1e-30; x < 1e30; x *= 1.37)
			assertEquals(Math.log(x), RobustStats.fastLog((float) x), 2e-7 * Math.max(1, Math.abs(Math
				.log(x))) + 1e-6, "at " + x);
		for (final float x : new float[]{ 0, -0f, -1, Float.MIN_VALUE, Float.MIN_NORMAL / 2,
			Float.POSITIVE_INFINITY, Float.NaN })
			assertEquals((float) Math.log(x), RobustStats.fastLog(x), "at " + x);
		// where the mantissa is halved (above sqrt 2) or not, at both ends of its range
		for (int k = -40; k <= 40; k++)
			for (final float m : new float[]{ 1, Math.nextUp(1f), Math.nextDown(1.41421356f), 1.41421356f,
				Math.nextUp(1.41421356f), Math.nextDown(2f) })
			{
				final float x = m * (float) Math.pow(2, k);
				assertEquals(Math.log(x), RobustStats.fastLog(x), 2e-7 * Math.max(1, Math.abs(Math.log(
					x))) + 1e-6, "at " + x);
			}
		assertEquals(Math.log(Float.MIN_NORMAL), RobustStats.fastLog(Float.MIN_NORMAL), 1e-5);
		assertEquals(Math.log(Float.MAX_VALUE), RobustStats.fastLog(Float.MAX_VALUE), 1e-5);
	}

	@Test
	void maxIsMathMaxWithoutNaN() {
		final float[] values = { 0f, -0f, 1f, -1f, 3.5f, Float.MIN_VALUE, -Float.MIN_VALUE,
			Float.MAX_VALUE, -Float.MAX_VALUE, Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY };
		for (final float a : values)
			for (final float b : values)
				assertEquals(Float.floatToRawIntBits(Math.max(a, b)), Float.floatToRawIntBits(RobustStats
					.max(a, b)), a + ", " + b);
	}

	@Test
	void fastTToZMatchesTheExactFormula() {
		for (final double dof : new double[]{ 1, 5, 39, 351, 1e4, 1e6 })
			for (double t = -40; t <= 40; t += 0.173) {
				final double u = t * t / dof;
				final double exact = Math.signum(t) * Math.sqrt(dof * Math.log1p(u) * (1 - 1 / (2 * dof)));
				assertEquals(exact, RobustStats.fastTToZ(t, dof), 1e-5 * Math.abs(exact) + 1e-9, "t " + t +
					", dof " + dof);
			}
	}
}

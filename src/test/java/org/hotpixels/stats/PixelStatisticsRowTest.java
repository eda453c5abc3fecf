package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** {@link PixelStatistics#row} against the per-pixel methods, whole rows and mosaic sites. */
class PixelStatisticsRowTest {

	@ParameterizedTest
	@EnumSource(PixelType.class)
	void rowsMatchThePerPixelValues(final PixelType type) {
		final int w = 37, h = 23;
		final List<Frame> frames = RandomFrames.series(type, w, h, 1, 7, 11);
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		for (final Frame f : frames)
			stats.add(f);
		final double[] mean = new double[w], variance = new double[w], residualMean = new double[w],
			residualVariance = new double[w], residualCount = new double[w], out = new double[3];
		for (int c = 0; c < stats.channels(); c++)
			for (int y = 0; y < h; y++)
				for (final int[] site : new int[][]{ { 0, 1 }, { 1, 2 }, { 0, 2 } }) {
					final int x0 = site[0], step = site[1], n = (w - x0 + step - 1) / step;
					stats.row(c, y, x0, step, n, mean, variance, residualMean, residualVariance,
						residualCount);
					for (int k = 0; k < n; k++) {
						final int x = x0 + step * k, i = stats.index(x, y, c);
						stats.residual(x, y, c, out);
						close(stats.mean(i), mean[k]);
						close(stats.variance(i), variance[k]);
						close(out[0], residualMean[k]);
						close(out[1], residualVariance[k]);
						assertEquals(out[2], residualCount[k]);
					}
				}
	}

	/** Equal within two roundings of a double (reciprocals instead of divisions). */
	private static void close(final double expected, final double actual) {
		assertEquals(expected, actual, 4e-16 * Math.abs(expected));
	}
}

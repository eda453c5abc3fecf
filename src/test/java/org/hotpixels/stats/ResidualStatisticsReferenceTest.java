package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;

import org.hotpixels.io.StatisticsFile;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The spatial-residual statistics against the slow, obvious computation: each frame's residual
 * {@code v - (left + right + up + down) / 4} with the neighbours {@code reach} away (at the edge
 * the one on the other side), then its mean and sample variance over the frames in two passes
 * of {@link BigDecimal}. Integer data must match to the last bit of a double's rounding; float
 * data closely. Odd sizes and a reach of 2 put many pixels on the edges (images narrower than the reach
 * too), images wider than a tile and taller than a band cross the engine's tile borders; 2,100 frames of 8-bit
 * data pass the carry of the int sums into longs; a series added in batches, merged from parts
 * and restored from a statistics file gives the same.
 */
class ResidualStatisticsReferenceTest {

	@ParameterizedTest
	@CsvSource({ "GRAY8, 7, 5, 1, 1, 30", "GRAY8, 9, 6, 1, 2, 17", "GRAY16, 8, 7, 1, 1, 25",
		"GRAY16, 11, 5, 2, 2, 9", "RGB, 7, 6, 1, 2, 20", "GRAY32, 6, 7, 1, 1, 21",
		"GRAY32, 9, 8, 1, 2, 12", "GRAY8, 5, 4, 1, 1, 2100", "RGB, 4, 3, 1, 2, 2100",
		"GRAY16, 1030, 19, 1, 2, 5", "GRAY8, 600, 35, 1, 1, 4", "RGB, 515, 18, 1, 2, 3",
		"GRAY16, 1, 5, 1, 2, 4", "GRAY8, 2, 3, 1, 2, 4", "RGB, 3, 1, 1, 2, 4" })
	void matchesTwoPassReference(final PixelType type, final int width, final int height,
		final int planes, final int reach, final int count) throws Exception
	{
		final List<Frame> frames = RandomFrames.series(type, width, height, planes, count, 7 + width);
		final int channels = planes * type.channelsPerPlane();
		final PixelStatistics stats = PixelStatistics.create(type, width, height, channels, reach);
		StatisticsAssert.addInBatches(stats, frames, 4);
		check(frames, stats, reach);

		final PixelStatistics first = PixelStatistics.create(type, width, height, channels, reach);
		final PixelStatistics second = PixelStatistics.create(type, width, height, channels, reach);
		first.addAll(frames.subList(0, count / 3));
		second.addAll(frames.subList(count / 3, count));
		first.merge(second);
		check(frames, first, reach);

		final java.nio.file.Path file = java.nio.file.Files.createTempFile("residuals", ".hps");
		try {
			StatisticsFile.write(stats, file);
			check(frames, StatisticsFile.read(file), reach);
		}
		finally {
			java.nio.file.Files.delete(file);
		}
	}

	private static void check(final List<Frame> frames, final PixelStatistics stats,
		final int reach)
	{
		final int w = stats.width(), h = stats.height();
		final boolean exact = stats.type().isInteger();
		for (int c = 0; c < stats.channels(); c++)
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final List<BigDecimal> residuals = new ArrayList<>();
					for (final Frame f : frames) {
						final double v = value(f, c, x, y);
						final double l = value(f, c, side(x, -reach, w), y), r = value(f, c, side(x, reach, w),
							y);
						final double u = value(f, c, x, side(y, -reach, h)), d = value(f, c, x, side(y, reach,
							h));
						if (!Double.isFinite(v + l + r + u + d)) continue;
						residuals.add(new BigDecimal(v).subtract(new BigDecimal(l).add(new BigDecimal(r)).add(
							new BigDecimal(u)).add(new BigDecimal(d)).divide(BigDecimal.valueOf(4))));
					}
					final int i = stats.index(x, y, c);
					final String where = "channel " + c + " (" + x + ", " + y + ")";
					assertEquals(residuals.size(), stats.residualCount(i), where);
					if (residuals.size() < 2) continue;
					BigDecimal sum = BigDecimal.ZERO;
					for (final BigDecimal r : residuals)
						sum = sum.add(r);
					final BigDecimal n = BigDecimal.valueOf(residuals.size());
					final BigDecimal mean = sum.divide(n, MathContext.DECIMAL128);
					BigDecimal squares = BigDecimal.ZERO;
					for (final BigDecimal r : residuals)
						squares = squares.add(r.subtract(mean).pow(2));
					final double variance = squares.divide(n.subtract(BigDecimal.ONE), MathContext.DECIMAL128)
						.doubleValue();
					if (exact) {
						assertEquals(mean.doubleValue(), stats.residualMean(i), 0, where);
						assertEquals(variance, stats.residualVariance(i), Math.ulp(variance), where);
					}
					else {
						final double tolerance = 1e-9 * Math.sqrt(variance) + 1e-12 * Math.abs(mean
							.doubleValue());
						assertEquals(mean.doubleValue(), stats.residualMean(i), tolerance, where);
						assertEquals(variance, stats.residualVariance(i), 1e-8 * variance + 1e-12, where);
					}
				}
	}

	/** The neighbour {@code offset} away, or the one on the other side outside the image. */
	private static int side(final int x, final int offset, final int size) {
		if (x + offset >= 0 && x + offset < size) return x + offset;
		if (x - offset >= 0 && x - offset < size) return x - offset;
		return x;
	}

	private static double value(final Frame f, final int c, final int x, final int y) {
		return ExactReference.sample(f, c, y * f.width() + x);
	}
}

package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;

import org.hotpixels.source.Frame;

/** Assertions comparing the engine with an {@link ExactReference} or with another result. */
final class StatisticsAssert {

	private StatisticsAssert() {}

	/**
	 * Every statistic of every sample of {@code actual} matches the reference: count, min and max
	 * exactly; mean, variances and sum of squares within {@code relative} of the reference (zero
	 * and NaN exactly). The mean is compared relative to its magnitude plus the sample's spread,
	 * since a mean near zero has no meaningful relative error.
	 */
	static void assertMatches(final ExactReference expected, final PixelStatistics actual,
		final double relative)
	{
		assertEquals(expected.count.length, actual.planeSize() * actual.channels(), "samples");
		for (int i = 0; i < expected.count.length; i++) {
			if (expected.count[i] != actual.count(i)) fail("count of sample " + i + ": expected " +
				expected.count[i] + ", got " + actual.count(i));
			assertClose(expected.min[i], actual.min(i), 0, "min", i);
			assertClose(expected.max[i], actual.max(i), 0, "max", i);
			final double scale = meanScale(expected.mean[i], expected.populationVariance[i]);
			assertClose(expected.mean[i], actual.mean(i), relative * scale, "mean", i);
			assertRelative(expected.variance[i], actual.variance(i), relative, "variance", i);
			assertRelative(expected.populationVariance[i], actual.populationVariance(i), relative,
				"population variance", i);
			assertRelative(expected.sumOfSquares[i], actual.sumOfSquares(i), relative, "sum of squares",
				i);
		}
	}

	/** The mean and variance maps of every channel match the reference to float precision. */
	static void assertMapsMatch(final ExactReference expected, final PixelStatistics actual) {
		final int n = actual.planeSize();
		for (int c = 0; c < actual.channels(); c++) {
			final float[] variance = actual.varianceMap(c);
			final float[] mean = actual.meanMap(c);
			assertEquals(n, variance.length);
			for (int i = 0; i < n; i++) {
				final int sample = c * n + i;
				assertRelative(expected.variance[sample], variance[i], 1e-7, "variance map", sample);
				final double scale = meanScale(expected.mean[sample], expected.populationVariance[sample]);
				assertClose(expected.mean[sample], mean[i], 1e-7 * scale, "mean map", sample);
			}
		}
	}

	/**
	 * Integer data: every value of the mean and variance maps is the reference's exact fraction
	 * rounded once to a double, then to a float (series short enough that the engine's exact
	 * numerator converts to a double without rounding).
	 */
	static void assertMapsExact(final ExactReference expected, final PixelStatistics actual) {
		final int n = actual.planeSize();
		for (int c = 0; c < actual.channels(); c++) {
			final float[] variance = actual.varianceMap(c);
			final float[] mean = actual.meanMap(c);
			for (int i = 0; i < n; i++) {
				final int sample = c * n + i;
				assertEquals((float) expected.variance[sample], variance[i], 0, "variance map at " +
					sample);
				assertEquals((float) expected.mean[sample], mean[i], 0, "mean map at " + sample);
			}
		}
	}

	/** {@code actual} holds bit for bit the same statistics as {@code expected}. */
	static void assertIdentical(final PixelStatistics expected, final PixelStatistics actual) {
		assertEquals(expected.frameCount(), actual.frameCount(), "frame count");
		for (int i = 0; i < expected.planeSize() * expected.channels(); i++) {
			if (expected.count(i) != actual.count(i)) fail("count of sample " + i + ": expected " +
				expected.count(i) + ", got " + actual.count(i));
			assertSameBits(expected.mean(i), actual.mean(i), "mean", i);
			assertSameBits(expected.variance(i), actual.variance(i), "variance", i);
			assertSameBits(expected.populationVariance(i), actual.populationVariance(i),
				"population variance", i);
			assertSameBits(expected.sumOfSquares(i), actual.sumOfSquares(i), "sum of squares", i);
			assertSameBits(expected.min(i), actual.min(i), "min", i);
			assertSameBits(expected.max(i), actual.max(i), "max", i);
		}
	}

	/**
	 * {@code actual} has the same counts, minima and maxima as {@code expected}, and means and
	 * variances within {@code relative} (the mean relative to its magnitude plus the spread).
	 */
	static void assertClose(final PixelStatistics expected, final PixelStatistics actual,
		final double relative)
	{
		assertEquals(expected.frameCount(), actual.frameCount(), "frame count");
		for (int i = 0; i < expected.planeSize() * expected.channels(); i++) {
			if (expected.count(i) != actual.count(i)) fail("count of sample " + i + ": expected " +
				expected.count(i) + ", got " + actual.count(i));
			assertSameBits(expected.min(i), actual.min(i), "min", i);
			assertSameBits(expected.max(i), actual.max(i), "max", i);
			final double scale = meanScale(expected.mean(i), expected.populationVariance(i));
			assertClose(expected.mean(i), actual.mean(i), relative * scale, "mean", i);
			assertRelative(expected.variance(i), actual.variance(i), relative, "variance", i);
			assertRelative(expected.populationVariance(i), actual.populationVariance(i), relative,
				"population variance", i);
			assertRelative(expected.sumOfSquares(i), actual.sumOfSquares(i), relative, "sum of squares",
				i);
		}
	}

	/** The size a mean's error is measured against: its magnitude plus the standard deviation. */
	private static double meanScale(final double mean, final double populationVariance) {
		return Math.abs(mean) + Math.sqrt(populationVariance);
	}

	private static void assertSameBits(final double expected, final double actual, final String what,
		final int sample)
	{
		if (Double.doubleToLongBits(expected) != Double.doubleToLongBits(actual)) fail(what +
			" of sample " + sample + ": expected " + expected + ", got " + actual);
	}

	/** {@code |actual - expected| <= relative * |expected|}; NaN only equals NaN. */
	static void assertRelative(final double expected, final double actual, final double relative,
		final String what, final int sample)
	{
		assertClose(expected, actual, relative * Math.abs(expected), what, sample);
	}

	private static void assertClose(final double expected, final double actual,
		final double tolerance, final String what, final int sample)
	{
		final boolean bothNaN = Double.isNaN(expected) && Double.isNaN(actual);
		if (bothNaN || Math.abs(actual - expected) <= tolerance) return;
		fail(what + " of sample " + sample + ": expected " + expected + ", got " + actual +
			" (relative error " + Math.abs(actual - expected) / Math.abs(expected) + ")");
	}

	/** Adds the frames in batches whose sizes cycle through {@code sizes}. */
	static void addInBatches(final PixelStatistics stats, final List<Frame> frames,
		final int... sizes)
	{
		int from = 0;
		for (int b = 0; from < frames.size(); b++) {
			final int to = Math.min(frames.size(), from + sizes[b % sizes.length]);
			stats.addAll(frames.subList(from, to));
			from = to;
		}
	}
}

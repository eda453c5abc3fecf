package org.hotpixels.stats;

import java.math.BigInteger;

import org.hotpixels.source.PixelType;

/**
 * Statistics of integer data from exact sums of values and of squares. Every frame has a sample
 * at every pixel, so the count is the number of frames. The variance is computed from the exact
 * integer {@code frames * sum(x^2) - sum(x)^2} and rounded once, by the final division.
 */
abstract class IntegerStatistics extends PixelStatistics {

	IntegerStatistics(final PixelType type, final int width, final int height,
		final int channels)
	{
		super(type, width, height, channels);
	}

	/** Exact sum of the samples of pixel {@code i}. */
	abstract long sum(int i);

	/** Exact sum of the squared samples of pixel {@code i}. */
	abstract long sumOfSquaredValues(int i);

	/**
	 * Restores the saved exact sums of sample {@code i} into new, empty statistics (statistics
	 * files: {@link StatisticsFile}).
	 */
	abstract void restoreSums(int i, long sum, long squares);

	/** Restores the saved minimum and maximum of sample {@code i}. */
	abstract void restoreExtremes(int i, int min, int max);

	/** Largest {@code frames} for which {@code frames * sum(x^2)} cannot overflow a long. */
	abstract long longSafeFrames();

	@Override
	public long count(final int i) {
		return frames;
	}

	@Override
	public double mean(final int i) {
		return frames == 0 ? Double.NaN : (double) sum(i) / frames;
	}

	/** frames times the sum of squared deviations, exact, as a double rounded once. */
	private double scaledSumOfSquares(final int i) {
		final long s = sum(i);
		final long s2 = sumOfSquaredValues(i);
		if (frames <= longSafeFrames()) return frames * s2 - s * s;
		return BigInteger.valueOf(frames).multiply(BigInteger.valueOf(s2)).subtract(BigInteger.valueOf(s)
			.multiply(BigInteger.valueOf(s))).doubleValue();
	}

	@Override
	public double sumOfSquares(final int i) {
		return frames == 0 ? Double.NaN : scaledSumOfSquares(i) / frames;
	}

	@Override
	public double variance(final int i) {
		return frames < 2 ? Double.NaN : scaledSumOfSquares(i) / ((double) frames * (frames - 1));
	}

	@Override
	public double populationVariance(final int i) {
		return frames < 1 ? Double.NaN : scaledSumOfSquares(i) / ((double) frames * frames);
	}
}

package org.hotpixels.detect;

/** One entry of the lowest-variance ranking: the article's original list, one per location. */
public final class RankedPixel {

	private final int rank, x, y, channel;
	private final double variance, mean, min, max, neighbourVariance;

	public RankedPixel(final int rank, final int x, final int y, final int channel,
		final double variance, final double mean, final double min, final double max,
		final double neighbourVariance)
	{
		this.rank = rank;
		this.x = x;
		this.y = y;
		this.channel = channel;
		this.variance = variance;
		this.mean = mean;
		this.min = min;
		this.max = max;
		this.neighbourVariance = neighbourVariance;
	}

	/** 1 for the lowest variance. */
	public int rank() {
		return rank;
	}

	public int x() {
		return x;
	}

	public int y() {
		return y;
	}

	public int channel() {
		return channel;
	}

	public double variance() {
		return variance;
	}

	public double mean() {
		return mean;
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	/** Median variance of the same-channel 5x5 neighbours. */
	public double neighbourVariance() {
		return neighbourVariance;
	}

	/** variance / neighbourVariance: far below 1 for a stuck pixel, near 1 in a dull region. */
	public double varianceRatio() {
		return neighbourVariance > 0 ? variance / neighbourVariance : Double.NaN;
	}
}

package org.hotpixels.detect;

/**
 * One defect: its peak pixel (0-based x, y), its channel, its kind, the statistics behind the
 * decision, and the bounding box of the pixels it covers (a JPEG-smeared defect or a hot column
 * segment covers several). A channel of {@link #ALL_CHANNELS} means every channel, as in defect
 * lists of other tools (dcraw, Siril) that know only positions.
 */
public final class Defect {

	/** Channel value meaning "every channel of the pixel". */
	public static final int ALL_CHANNELS = -1;

	private final int x, y, channel;
	private final DefectKind kind;
	private final double mean, variance, min, max;
	private final double neighbourMean, neighbourVariance;
	private final double score;
	private final int clusterSize;
	private final int xMin, yMin, xMax, yMax;

	/** A full detector result; see the getters for the meaning of each value. */
	public Defect(final int x, final int y, final int channel, final DefectKind kind,
		final double mean, final double variance, final double min, final double max,
		final double neighbourMean, final double neighbourVariance, final double score,
		final int clusterSize, final int xMin, final int yMin, final int xMax, final int yMax)
	{
		this.x = x;
		this.y = y;
		this.channel = channel;
		this.kind = kind;
		this.mean = mean;
		this.variance = variance;
		this.min = min;
		this.max = max;
		this.neighbourMean = neighbourMean;
		this.neighbourVariance = neighbourVariance;
		this.score = score;
		this.clusterSize = clusterSize;
		this.xMin = xMin;
		this.yMin = yMin;
		this.xMax = xMax;
		this.yMax = yMax;
	}

	/** A single pixel known only by position, e.g. read from another tool's defect list. */
	public static Defect pixel(final int x, final int y, final int channel) {
		return region(x, y, x, y, channel, null);
	}

	/** A rectangle of defective pixels (a column segment, a cluster) known only by position. */
	public static Defect region(final int xMin, final int yMin, final int xMax, final int yMax,
		final int channel, final DefectKind kind)
	{
		final int size = (xMax - xMin + 1) * (yMax - yMin + 1);
		return new Defect(xMin, yMin, channel, kind, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, Double.NaN, Double.NaN, size, xMin, yMin, xMax, yMax);
	}

	/** Column of the peak pixel, 0-based. */
	public int x() {
		return x;
	}

	/** Row of the peak pixel, 0-based. */
	public int y() {
		return y;
	}

	/** Channel (0-based; 0 for grey images, 0/1/2 = red/green/blue) or {@link #ALL_CHANNELS}. */
	public int channel() {
		return channel;
	}

	/** The kind, or null when only the position is known. */
	public DefectKind kind() {
		return kind;
	}

	/** Mean of the peak pixel over the series. */
	public double mean() {
		return mean;
	}

	/** Sample variance of the peak pixel over the series. */
	public double variance() {
		return variance;
	}

	public double min() {
		return min;
	}

	public double max() {
		return max;
	}

	/** Median of the means of the same-channel neighbours. */
	public double neighbourMean() {
		return neighbourMean;
	}

	/** Median of the variances of the same-channel neighbours. */
	public double neighbourVariance() {
		return neighbourVariance;
	}

	/** How far from normal, in robust standard deviations (larger is more certain). */
	public double score() {
		return score;
	}

	/** Number of pixels the defect covers (1 for an isolated pixel). */
	public int clusterSize() {
		return clusterSize;
	}

	public int xMin() {
		return xMin;
	}

	public int yMin() {
		return yMin;
	}

	public int xMax() {
		return xMax;
	}

	public int yMax() {
		return yMax;
	}

	/** True if the pixel at (px, py) of channel {@code c} lies in this defect's bounding box. */
	public boolean covers(final int px, final int py, final int c) {
		return (channel == ALL_CHANNELS || channel == c) && px >= xMin && px <= xMax && py >= yMin &&
			py <= yMax;
	}

	@Override
	public String toString() {
		return (kind == null ? "defect" : kind.label()) + " at (" + x + ", " + y + ")" +
			(channel == ALL_CHANNELS ? "" : " channel " + channel) + (clusterSize > 1 ? ", " +
				clusterSize + " pixels" : "");
	}
}

/**
 * Per-pixel statistics of a series in one streaming pass: {@link org.hotpixels.stats.PixelStatistics}
 * keeps count, mean, variance, minimum and maximum per pixel and channel (exact integer sums for
 * 8/16-bit data, shifted sums for float data), plus the statistics of each pixel's residual against
 * its neighbours; partial results merge. The state written to a statistics file is described by
 * {@link org.hotpixels.stats.StatePayload}; the file format around it is
 * {@code io.StatisticsFile}.
 *
 * <pre>{@code
 * PixelStatistics stats = PixelStatistics.like(frames.get(0));
 * stats.addAll(frames);
 * double v = stats.variance(y * stats.width() + x);
 * }</pre>
 */
package org.hotpixels.stats;

package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;

import org.hotpixels.stats.PixelStatistics;

/**
 * The original ranking of the 2011 article: the pixels whose value changed least over the series.
 * Unlike the article, one entry per location: a pixel within two pixels of a better-ranked one
 * (in any channel) belongs to the same defect and is left out, so ten entries are ten places.
 *
 * <pre>{@code
 * List<RankedPixel> top = LowestVarianceRanking.rank(stats, 10);
 * }</pre>
 */
public final class LowestVarianceRanking {

	/** Pixels closer than this (Chebyshev distance) to a listed one are the same defect. */
	static final int SEPARATION = 2;

	private LowestVarianceRanking() {}

	/** The {@code count} lowest-variance locations, lowest first. */
	public static List<RankedPixel> rank(final PixelStatistics stats, final int count) {
		if (count <= 0 || stats.frameCount() < 2) return new ArrayList<>();
		final int total = stats.planeSize() * stats.channels();
		for (int pool = Math.max(256, 64 * count);; pool *= 4) {
			final int[] lowest = lowestIndices(stats, Math.min(pool, total));
			final List<RankedPixel> out = separated(stats, lowest, count);
			if (out.size() == count || lowest.length == total) return out;
		}
	}

	/** Indices of the {@code k} smallest variances, in increasing order of variance. */
	private static int[] lowestIndices(final PixelStatistics stats, final int k) {
		final int total = stats.planeSize() * stats.channels();
		final PriorityQueue<double[]> worstFirst = new PriorityQueue<>(k + 1, (a, b) -> Double
			.compare(b[0], a[0]));
		for (int i = 0; i < total; i++) {
			final double v = stats.variance(i);
			if (Double.isNaN(v)) continue;
			if (worstFirst.size() < k) worstFirst.add(new double[] { v, i });
			else if (v < worstFirst.peek()[0]) {
				final double[] e = worstFirst.poll();
				e[0] = v;
				e[1] = i;
				worstFirst.add(e);
			}
		}
		final double[][] sorted = worstFirst.toArray(new double[0][]);
		Arrays.sort(sorted, (a, b) -> a[0] != b[0] ? Double.compare(a[0], b[0]) : Double.compare(
			a[1], b[1]));
		final int[] out = new int[sorted.length];
		for (int j = 0; j < out.length; j++)
			out[j] = (int) sorted[j][1];
		return out;
	}

	private static List<RankedPixel> separated(final PixelStatistics stats,
		final int[] lowest, final int count)
	{
		final List<RankedPixel> out = new ArrayList<>();
		final int w = stats.width(), plane = stats.planeSize();
		for (final int i : lowest) {
			final int c = i / plane, x = (i % plane) % w, y = (i % plane) / w;
			boolean near = false;
			for (final RankedPixel p : out)
				near |= Math.abs(p.x() - x) <= SEPARATION && Math.abs(p.y() - y) <= SEPARATION;
			if (near) continue;
			out.add(new RankedPixel(out.size() + 1, x, y, c, stats.variance(i), stats.mean(i),
				stats.min(i), stats.max(i), neighbourVariance(stats, x, y, c)));
			if (out.size() == count) break;
		}
		return out;
	}

	private static double neighbourVariance(final PixelStatistics stats, final int x, final int y,
		final int c)
	{
		final float[] values = new float[24];
		int n = 0;
		for (int yy = Math.max(0, y - 2); yy <= Math.min(stats.height() - 1, y + 2); yy++)
			for (int xx = Math.max(0, x - 2); xx <= Math.min(stats.width() - 1, x + 2); xx++) {
				if (xx == x && yy == y) continue;
				final double v = stats.variance(stats.index(xx, yy, c));
				if (!Double.isNaN(v)) values[n++] = (float) v;
			}
		return RobustStats.median(values, n);
	}
}

package org.hotpixels.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

import net.imglib2.parallel.Parallelization;

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
		return rank(stats, count, stats::varianceMap);
	}

	/**
	 * {@link #rank(PixelStatistics, int)}, looking through variance maps already made from
	 * {@code stats} ({@code varianceMap.apply(c)}: {@link PixelStatistics#varianceMap} of channel
	 * c); the order still follows the exact variances.
	 */
	public static List<RankedPixel> rank(final PixelStatistics stats, final int count,
		final IntFunction<float[]> varianceMap)
	{
		if (count <= 0 || stats.frameCount() < 2) return new ArrayList<>();
		final float[][] maps = new float[stats.channels()][];
		for (int c = 0; c < maps.length; c++)
			maps[c] = varianceMap.apply(c);
		final int total = stats.planeSize() * stats.channels();
		for (int pool = Math.max(256, 64 * count);; pool *= 4) {
			final int[] lowest = lowestIndices(stats, maps, Math.min(pool, total));
			final List<RankedPixel> out = separated(stats, lowest, count);
			if (out.size() == count || lowest.length == total) return out;
		}
	}

	/** Variances sampled (evenly) for the pre-threshold of {@link #lowestIndices}. */
	static final int SAMPLE = 65_536;

	/**
	 * Indices of the {@code k} smallest variances, in increasing order of variance (ties by
	 * index). Only pixels at or below a limit taken from an even sample of the variances (a few
	 * times the k-th smallest's quantile) are collected, found through the float maps (a float
	 * rounded from a variance at or below the limit is at or below the limit rounded up), and
	 * sorted by their exact variance; if fewer than {@code k} pass, every pixel is.
	 */
	private static int[] lowestIndices(final PixelStatistics stats, final float[][] maps,
		final int k)
	{
		final int plane = stats.planeSize();
		double limit = sampledLimit(stats, k);
		final List<int[]> chunks = new ArrayList<>();
		for (int c = 0; c < maps.length; c++)
			for (int from = 0; from < plane; from += CHUNK)
				chunks.add(new int[]{ c, from, Math.min(plane, from + CHUNK) });
		for (;;) {
			// chunk by chunk on ImgLib2's threads; the sort below makes the order of chunks irrelevant
			final double threshold = limit;
			final float rounded = (float) threshold;
			final float mapLimit = rounded < threshold ? Math.nextUp(rounded) : rounded;
			final List<Object[]> found = new ArrayList<>();
			Parallelization.getTaskExecutor().forEach(chunks, chunk -> {
				final float[] map = maps[chunk[0]];
				final int base = chunk[0] * plane;
				int m = 0;
				double[] values = new double[64];
				int[] indices = new int[values.length];
				for (int i = chunk[1]; i < chunk[2]; i++) {
					if (!(map[i] <= mapLimit)) continue; // NaN too
					final double v = stats.variance(base + i);
					if (!(v <= threshold)) continue;
					if (m == values.length) {
						values = Arrays.copyOf(values, 2 * m);
						indices = Arrays.copyOf(indices, 2 * m);
					}
					values[m] = v;
					indices[m++] = base + i;
				}
				if (m > 0) synchronized (found) {
					found.add(new Object[]{ values, indices, m });
				}
			});
			int n = 0;
			for (final Object[] f : found)
				n += (int) f[2];
			final double[] values = new double[n];
			final int[] indices = new int[n];
			n = 0;
			for (final Object[] f : found) {
				final int m = (int) f[2];
				System.arraycopy(f[0], 0, values, n, m);
				System.arraycopy(f[1], 0, indices, n, m);
				n += m;
			}
			if (n >= k || limit == Double.POSITIVE_INFINITY) {
				final double[] v = values;
				final int[] i = indices;
				final Integer[] order = new Integer[n];
				for (int j = 0; j < n; j++)
					order[j] = j;
				Arrays.sort(order, (a, b) -> v[a] != v[b] ? Double.compare(v[a], v[b]) : Integer.compare(
					i[a], i[b]));
				final int[] out = new int[Math.min(k, n)];
				for (int j = 0; j < out.length; j++)
					out[j] = i[order[j]];
				return out;
			}
			limit = Double.POSITIVE_INFINITY;
		}
	}

	/** Pixels of a map looked through by one task of {@link #lowestIndices}. */
	private static final int CHUNK = 1 << 16;

	/**
	 * A variance that some {@code k} pixels are very likely at or below: from an even sample, the
	 * value at twice the k-th smallest's quantile plus a margin; infinite where that is most of the
	 * sample.
	 */
	private static double sampledLimit(final PixelStatistics stats, final int k) {
		final int total = stats.planeSize() * stats.channels();
		final int stride = Math.max(1, total / SAMPLE);
		final float[] sample = new float[(total + stride - 1) / stride];
		int m = 0;
		for (int i = 0; i < total; i += stride) {
			final double v = stats.variance(i);
			if (!Double.isNaN(v)) sample[m++] = (float) v;
		}
		final int rank = (int) Math.min(Integer.MAX_VALUE, 2L * k * m / total + 16);
		if (rank >= m / 2) return Double.POSITIVE_INFINITY;
		// the next float up: at or above the sampled variance that it stands for
		return Math.nextUp(RobustStats.select(sample, m, rank));
	}

	private static List<RankedPixel> separated(final PixelStatistics stats, final int[] lowest,
		final int count)
	{
		final List<RankedPixel> out = new ArrayList<>();
		final int w = stats.width(), plane = stats.planeSize();
		for (final int i : lowest) {
			final int c = i / plane, x = (i % plane) % w, y = (i % plane) / w;
			boolean near = false;
			for (final RankedPixel p : out)
				near |= Math.abs(p.x() - x) <= SEPARATION && Math.abs(p.y() - y) <= SEPARATION;
			if (near) continue;
			out.add(new RankedPixel(out.size() + 1, x, y, c, stats.variance(i), stats.mean(i), stats.min(
				i), stats.max(i), neighbourVariance(stats, x, y, c)));
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

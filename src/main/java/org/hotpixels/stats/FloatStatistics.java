package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Statistics of 32-bit float data by shifted sums in double precision: per pixel, the sums of
 * {@code v - K} and {@code (v - K)^2} with {@code K} the pixel's first valid sample, so that no
 * cancellation occurs (1e5 plus unit noise loses nothing) and no sample needs a division; merged
 * with Chan et al.'s formula. NaN and infinite samples are skipped per pixel, so each pixel has
 * its own count.
 * <p>
 * A batch runs tile by tile in branch-free loops over double rows; a tile whose sums come out
 * non-finite had a NaN or infinite sample, and only that tile is added again sample by sample,
 * skipping those.
 */
final class FloatStatistics extends PixelStatistics {

	final int[] count;
	/** The shift {@code K} of each sample, and the sums of {@code v - K} and its square. */
	private final float[] shift;
	private final double[] s1, s2;
	final float[] min;
	final float[] max;

	FloatStatistics(final int width, final int height, final int channels, final int reach) {
		super(PixelType.GRAY32, width, height, channels, reach);
		final int size = planeSize * channels;
		count = new int[size];
		shift = new float[size];
		s1 = new double[size];
		s2 = new double[size];
		min = new float[size];
		max = new float[size];
		java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
		java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
	}

	/**
	 * The whole tile in one pass over each frame: the residuals widen each frame's rows into
	 * doubles once, and the shifted sums, minima and maxima here are added from those rows, in
	 * scratch rows for the batch. If a sum comes out non-finite, the tile is added again sample by
	 * sample.
	 */
	@Override
	protected void accumulate(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1)
	{
		final Tile t = TILES.get();
		final int n = x1 - x0, rows = y1 - y0;
		t.fit(rows, n);
		for (int y = y0; y < y1; y++) {
			final int o = p * planeSize + y * width + x0, j = y - y0;
			System.arraycopy(s1, o, t.sum[j], 0, n);
			System.arraycopy(s2, o, t.squares[j], 0, n);
			final double[] k = t.shift[j], low = t.min[j], high = t.max[j];
			for (int i = 0; i < n; i++) {
				k[i] = shift[o + i];
				low[i] = min[o + i];
				high[i] = max[o + i];
			}
		}
		residuals.accumulateFloat(planes, p, x0, x1, y0, y1, (f, y, row, length) -> {
			final int j = y - y0;
			final double[] k = t.shift[j], sum = t.sum[j], squares = t.squares[j];
			final double[] low = t.min[j], high = t.max[j];
			if (f == 0) { // a new pixel is shifted by its first sample
				final int o = p * planeSize + y * width + x0;
				for (int i = 0; i < length; i++)
					if (count[o + i] == 0) k[i] = row[i];
			}
			for (int i = 0; i < length; i++) {
				final double x = row[i], vi = x - k[i];
				sum[i] += vi;
				squares[i] += vi * vi;
				low[i] = Math.min(low[i], x);
				high[i] = Math.max(high[i], x);
			}
		});
		if (!ShiftedSums.finite(t.sum, rows, n)) {
			for (int y = y0; y < y1; y++)
				for (final Object[] frame : planes)
					update((float[]) frame[p], p * planeSize, y * width + x0, y * width + x1);
			return;
		}
		for (int y = y0; y < y1; y++) {
			final int o = p * planeSize + y * width + x0, j = y - y0;
			System.arraycopy(t.sum[j], 0, s1, o, n);
			System.arraycopy(t.squares[j], 0, s2, o, n);
			final double[] k = t.shift[j], low = t.min[j], high = t.max[j];
			for (int i = 0; i < n; i++) {
				shift[o + i] = (float) k[i];
				min[o + i] = (float) low[i];
				max[o + i] = (float) high[i];
				count[o + i] += planes.length;
			}
		}
	}

	/** Per-thread scratch rows of a tile. */
	private static final class Tile {

		double[][] sum = new double[0][], squares = sum, shift = sum, min = sum, max = sum;
		/** Length of each row. */
		int length;

		void fit(final int rows, final int n) {
			if (sum.length < rows || length < n) {
				final int r = Math.max(rows, sum.length), len = Math.max(n, length);
				length = len;
				sum = new double[r][len];
				squares = new double[r][len];
				shift = new double[r][len];
				min = new double[r][len];
				max = new double[r][len];
			}
		}
	}

	private static final ThreadLocal<Tile> TILES = ThreadLocal.withInitial(Tile::new);

	/** Row by row, sample by sample (the tiles above are the fast path). */
	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		for (final Object[] frame : planes)
			update((float[]) frame[p], p * planeSize, from, to);
	}

	/** Sample by sample, skipping NaN and infinite samples. */
	private void update(final float[] values, final int offset, final int from, final int to) {
		for (int i = from; i < to; i++) {
			final float v = values[i];
			if (!Float.isFinite(v)) continue;
			final int o = offset + i;
			if (count[o] == 0) shift[o] = v;
			final double d = (double) v - shift[o];
			s1[o] += d;
			s2[o] += d * d;
			count[o]++;
			min[o] = Math.min(min[o], v);
			max[o] = Math.max(max[o], v);
		}
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final FloatStatistics o = (FloatStatistics) other;
		for (int i = 0; i < count.length; i++) {
			if (o.count[i] == 0) continue;
			ShiftedSums.merge(i, count, shift, s1, s2, o.count, o.shift, o.s1, o.s2);
			min[i] = Math.min(min[i], o.min[i]);
			max[i] = Math.max(max[i], o.max[i]);
		}
		residuals.merge(o.residuals);
		frames += o.frames;
	}

	/**
	 * Restores sample {@code i} from a statistics file: its count, mean and sum of squared
	 * deviations.
	 */
	void restore(final int i, final int n, final double mean, final double m2) {
		count[i] = n;
		shift[i] = (float) mean;
		s1[i] = n * (mean - shift[i]);
		s2[i] = m2 + (n == 0 ? 0 : s1[i] * s1[i] / n);
	}

	@Override
	public long count(final int i) {
		return count[i];
	}

	@Override
	public double residualMean(final int i) {
		return residuals.floatMean(i);
	}

	@Override
	public double residualVariance(final int i) {
		return residuals.floatVariance(i);
	}

	@Override
	public long residualCount(final int i) {
		return residuals.floatCount(i);
	}

	@Override
	public double mean(final int i) {
		return count[i] == 0 ? Double.NaN : shift[i] + s1[i] / count[i];
	}

	@Override
	public double sumOfSquares(final int i) {
		return count[i] == 0 ? Double.NaN : Math.max(0, s2[i] - s1[i] * s1[i] / count[i]);
	}

	@Override
	public double min(final int i) {
		return count[i] == 0 ? Double.NaN : min[i];
	}

	@Override
	public double max(final int i) {
		return count[i] == 0 ? Double.NaN : max[i];
	}
}

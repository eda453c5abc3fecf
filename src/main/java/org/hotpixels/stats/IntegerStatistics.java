package org.hotpixels.stats;

import static org.hotpixels.stats.TileScratch.SPAN;

import java.math.BigInteger;

import org.hotpixels.source.PixelType;

/**
 * Statistics of integer data from exact sums of values and of squares. Every frame has a sample
 * at every pixel, so the count is the number of frames. The variance is computed from the exact
 * integer {@code frames * sum(x^2) - sum(x)^2} and rounded once, by the final division.
 */
abstract class IntegerStatistics extends PixelStatistics {

	IntegerStatistics(final PixelType type, final int width, final int height, final int channels,
		final int reach)
	{
		super(type, width, height, channels, reach);
	}

	/** Exact sum of the samples of pixel {@code i}. */
	abstract long sum(int i);

	/** Exact sum of the squared samples of pixel {@code i}. */
	abstract long sumOfSquaredValues(int i);

	/** {@link #sum} of samples {@code from} to {@code from + n - 1} into {@code out}. */
	void sums(final int from, final int n, final long[] out) {
		for (int k = 0; k < n; k++)
			out[k] = sum(from + k);
	}

	/** {@link #sumOfSquaredValues} of samples {@code from} to {@code from + n - 1}. */
	void squaredValues(final int from, final int n, final long[] out) {
		for (int k = 0; k < n; k++)
			out[k] = sumOfSquaredValues(from + k);
	}

	/**
	 * Frames up to which {@code n sum(r^2) - sum(r)^2} of residuals of values below 2^16 cannot
	 * overflow a long: |r| <= 8 * 65535 per frame, so both products stay below
	 * (8 * 65535 * 5000)^2 < 2^63.
	 */
	private static final long NO_OVERFLOW_FRAMES = 5000;

	/** Row buffers of {@link #row}: sums of three rows, squares of values and of residuals. */
	private static final ThreadLocal<long[][]> ROWS = ThreadLocal.withInitial(() -> new long[5][0]);

	/**
	 * The exact sums of whole rows are read once (the residual's three rows, the squares), then
	 * every statistic follows from the same exact sums as in the per-pixel methods, multiplied by
	 * reciprocals (so within a rounding of a double of their values).
	 */
	@Override
	public void row(final int c, final int y, final int x0, final int step, final int n,
		final double[] mean, final double[] variance, final double[] residualMean,
		final double[] residualVariance, final double[] residualCount)
	{
		final long f = frames;
		if (f < 2 || f > longSafeFrames()) {
			super.row(c, y, x0, step, n, mean, variance, residualMean, residualVariance, residualCount);
			return;
		}
		long[][] rows = ROWS.get();
		if (rows[0].length < width) {
			rows = new long[5][width];
			ROWS.set(rows);
		}
		final long[] centre = rows[0], above = rows[1], below = rows[2], squares = rows[3],
			residualSquares = rows[4];
		final int d = residuals.reach, base = c * planeSize, row = base + y * width;
		final boolean residual = residualMean != null || residualVariance != null;
		sums(row, width, centre);
		if (variance != null) squaredValues(row, width, squares);
		if (residual) {
			sums(base + ResidualStatistics.neighbour(y, -d, height) * width, width, above);
			sums(base + ResidualStatistics.neighbour(y, d, height) * width, width, below);
			residuals.squares(row, width, residualSquares);
		}
		// reciprocals: a multiplication instead of a division per value (within a rounding)
		final double perFrame = 1.0 / f, perResidual = 1 / (4.0 * f);
		final double perVariance = 1 / ((double) f * (f - 1)), perResidualVariance = 1 / (16.0 * f *
			(f - 1));
		for (int k = 0; k < n; k++) {
			final int x = x0 + step * k;
			final long s = centre[x];
			if (mean != null) mean[k] = s * perFrame;
			if (variance != null) variance[k] = (f * squares[x] - s * s) * perVariance;
			if (residualCount != null) residualCount[k] = f;
			if (!residual) continue;
			final int left = x >= d ? x - d : ResidualStatistics.neighbour(x, -d, width);
			final int right = x + d < width ? x + d : ResidualStatistics.neighbour(x, d, width);
			final long r = 4 * s - centre[left] - centre[right] - above[x] - below[x];
			final long q = residualSquares[x];
			if (residualMean != null) residualMean[k] = r * perResidual;
			if (residualVariance == null) continue;
			double scaled;
			if (f <= NO_OVERFLOW_FRAMES) scaled = f * q - r * r;
			else try {
				scaled = Math.subtractExact(Math.multiplyExact(f, q), Math.multiplyExact(r, r));
			}
			catch (final ArithmeticException e) {
				scaled = BigInteger.valueOf(f).multiply(BigInteger.valueOf(q)).subtract(BigInteger.valueOf(
					r).multiply(BigInteger.valueOf(r))).doubleValue();
			}
			residualVariance[k] = scaled * perResidualVariance;
		}
	}

	/**
	 * Restores the saved exact sums of sample {@code i} into new, empty statistics (statistics
	 * files: {@code io.StatisticsFile}).
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

	/**
	 * Exact sum over the frames of the residual {@code 4 v - (sum of the four neighbours)} of
	 * pixel (x, y) of channel c: it follows from the pixel sums.
	 */
	private long residualSum(final int x, final int y, final int c) {
		final int d = residuals.reach, base = c * planeSize, row = base + y * width;
		return 4 * sum(row + x) - sum(row + ResidualStatistics.neighbour(x, -d, width)) - sum(row +
			ResidualStatistics.neighbour(x, d, width)) - sum(base + ResidualStatistics.neighbour(y, -d,
				height) * width + x) - sum(base + ResidualStatistics.neighbour(y, d, height) * width + x);
	}

	@Override
	public double residualMean(final int i) {
		final double[] out = new double[3];
		residual(i, out);
		return out[0];
	}

	@Override
	public double residualVariance(final int i) {
		final double[] out = new double[3];
		residual(i, out);
		return out[1];
	}

	private void residual(final int i, final double[] out) {
		final int c = i / planeSize, j = i - c * planeSize, y = j / width;
		residual(j - y * width, y, c, out);
	}

	/** {@code n sum(r^2) - sum(r)^2}, exact, then rounded once; over 16 n (n - 1). */
	@Override
	public void residual(final int x, final int y, final int c, final double[] out) {
		final long n = frames;
		out[2] = n;
		if (n == 0) {
			out[0] = out[1] = Double.NaN;
			return;
		}
		final long r = residualSum(x, y, c), q = residuals.squares(index(x, y, c));
		out[0] = r / (4.0 * n);
		if (n < 2) {
			out[1] = Double.NaN;
			return;
		}
		double scaled;
		try {
			scaled = Math.subtractExact(Math.multiplyExact(n, q), Math.multiplyExact(r, r));
		}
		catch (final ArithmeticException e) {
			scaled = BigInteger.valueOf(n).multiply(BigInteger.valueOf(q)).subtract(BigInteger.valueOf(r)
				.multiply(BigInteger.valueOf(r))).doubleValue();
		}
		out[1] = scaled / (16.0 * n * (n - 1));
	}

	@Override
	public long residualCount(final int i) {
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
		return BigInteger.valueOf(frames).multiply(BigInteger.valueOf(s2)).subtract(BigInteger.valueOf(
			s).multiply(BigInteger.valueOf(s))).doubleValue();
	}

	@Override
	public double sumOfSquares(final int i) {
		return frames == 0 ? Double.NaN : scaledSumOfSquares(i) / frames;
	}

	@Override
	public double variance(final int i) {
		return frames < 2 ? Double.NaN : scaledSumOfSquares(i) / ((double) frames * (frames - 1));
	}

	/**
	 * The same values as {@link #variance(int)} pixel by pixel (the same exact numerator, the same
	 * division), computed from spans of exact sums: no call per pixel.
	 */
	@Override
	public float[] varianceMap(final int c) {
		final long f = frames;
		if (f < 2 || f > longSafeFrames()) return super.varianceMap(c);
		final double pairs = (double) f * (f - 1);
		return spans(c, true, (sums, squares, n, out, at) -> {
			for (int k = 0; k < n; k++)
				out[at + k] = (float) ((f * squares[k] - sums[k] * sums[k]) / pairs);
		});
	}

	/** The same values as {@link #mean(int)}, from spans of exact sums. */
	@Override
	public float[] meanMap(final int c) {
		final long f = frames;
		if (f < 1) return super.meanMap(c);
		final double frameCount = f;
		return spans(c, false, (sums, squares, n, out, at) -> {
			for (int k = 0; k < n; k++)
				out[at + k] = (float) (sums[k] / frameCount);
		});
	}

	/** Turns spans of exact sums (and of squares where asked for) into a map's values. */
	private interface SpanMap {

		void apply(long[] sums, long[] squares, int n, float[] out, int at);
	}

	/** {@code map} over channel {@code c} in spans of each tile, in parallel. */
	private float[] spans(final int c, final boolean withSquares, final SpanMap map) {
		final float[] out = new float[planeSize];
		final int offset = c * planeSize;
		forEachTile(tile -> {
			final long[] sums = new long[SPAN], squares = new long[SPAN];
			for (int from = tile[0]; from < tile[1]; from += SPAN) {
				final int n = Math.min(SPAN, tile[1] - from);
				sums(offset + from, n, sums);
				if (withSquares) squaredValues(offset + from, n, squares);
				map.apply(sums, squares, n, out, from);
			}
		});
		return out;
	}

	@Override
	public double populationVariance(final int i) {
		return frames < 1 ? Double.NaN : scaledSumOfSquares(i) / ((double) frames * frames);
	}

	/**
	 * The per-sample int sums of grey data that {@link #addRows} and {@link #addRow} add to, in
	 * that order (e.g. sum, squares, min, max).
	 */
	abstract int[][] graySums();

	/** Adds four frames' rows {@code a..d} of {@code length} samples to the sums {@code acc[at..]}. */
	abstract void addRows(int[][] acc, int at, int[] a, int[] b, int[] c, int[] d, int length);

	/** Adds one frame's row {@code v} of {@code length} samples to the sums {@code acc[at..]}. */
	abstract void addRow(int[][] acc, int at, int[] v, int length);

	/** Widens {@code n} samples of plane {@code plane} from {@code start} into {@code row}. */
	abstract void widen(Object plane, int start, int n, int[] row);

	/**
	 * Grey data, a whole tile in one pass over each frame: the residuals widen each frame's rows
	 * once and {@link #addRows} adds them, four frames at a time, to the tile's sums, copied into
	 * scratch rows for the batch.
	 */
	final void accumulateGrayTile(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1)
	{
		final TileScratch scratch = TileScratch.get();
		final int n = x1 - x0, rows = y1 - y0;
		final int[][] totals = graySums();
		final int[][] acc = new int[rows * totals.length][];
		for (int k = 0; k < acc.length; k++)
			acc[k] = scratch.row(k);
		for (int y = y0; y < y1; y++)
			for (int k = 0; k < totals.length; k++)
				System.arraycopy(totals[k], p * planeSize + y * width + x0, acc[(y - y0) * totals.length +
					k], 0, n);
		residuals.accumulate(planes, p, x0, x1, y0, y1, (y, a, b, c, d, count, length) -> {
			final int at = (y - y0) * totals.length;
			if (count == 4) {
				addRows(acc, at, a, b, c, d, length);
				return;
			}
			for (final int[] v : new int[][]{ a, b, c }) {
				if (count-- == 0) return;
				addRow(acc, at, v, length);
			}
		});
		for (int y = y0; y < y1; y++)
			for (int k = 0; k < totals.length; k++)
				System.arraycopy(acc[(y - y0) * totals.length + k], 0, totals[k], p * planeSize + y *
					width + x0, n);
	}

	/** Grey data, samples {@code from..to} of plane {@code p} span by span, four frames at a time. */
	final void accumulateGraySpans(final Object[][] planes, final int p, final int from,
		final int to)
	{
		final TileScratch scratch = TileScratch.get();
		final int[] a = scratch.row(0), b = scratch.row(1), c = scratch.row(2), d = scratch.row(3);
		final int[][] totals = graySums();
		final int[][] acc = new int[totals.length][];
		for (int k = 0; k < acc.length; k++)
			acc[k] = scratch.row(4 + k);
		for (int start = from; start < to; start += SPAN) {
			final int n = Math.min(SPAN, to - start), o = p * planeSize + start;
			for (int k = 0; k < acc.length; k++)
				System.arraycopy(totals[k], o, acc[k], 0, n);
			int f = 0;
			for (; f + 4 <= planes.length; f += 4) {
				widen(planes[f][p], start, n, a);
				widen(planes[f + 1][p], start, n, b);
				widen(planes[f + 2][p], start, n, c);
				widen(planes[f + 3][p], start, n, d);
				addRows(acc, 0, a, b, c, d, n);
			}
			for (; f < planes.length; f++) {
				widen(planes[f][p], start, n, a);
				addRow(acc, 0, a, n);
			}
			for (int k = 0; k < acc.length; k++)
				System.arraycopy(acc[k], 0, totals[k], o, n);
		}
	}
}

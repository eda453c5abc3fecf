package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Exact statistics of unsigned 16-bit data: int sums of values and of the low and high 16 bits
 * of their squares, carried into long totals before they could overflow (every 32,767 frames),
 * and int minima and maxima: 20 bytes per sample while the series is shorter than that, 36 after.
 * Totals are exact for any number of frames; see {@link IntKernels} for the loop shapes.
 */
final class ShortStatistics extends IntegerStatistics {

	/** Frames the int sums hold: 32767 * 65535 < 2^31 for sums and both halves of squares. */
	static final int INT_SAFE_FRAMES = 32767;
	/** Largest n with n * sum(x^2) <= n^2 * 65535^2 < 2^63. */
	private static final long LONG_SAFE_FRAMES = 46340;

	/** Since the last carry: sums of values, of the low and of the high halves of squares. */
	private final int[] sum, squaresLow, squaresHigh;
	private final int[] min, max;
	/** Totals carried out of the int sums; null until a series outgrows them. */
	private long[] carriedSum, carriedSquares;
	/** Frames in the int sums since the last carry. */
	private int framesInInts;

	ShortStatistics(final int width, final int height, final int channels, final int reach) {
		super(PixelType.GRAY16, width, height, channels, reach);
		final int size = planeSize * channels;
		sum = new int[size];
		squaresLow = new int[size];
		squaresHigh = new int[size];
		min = new int[size];
		max = new int[size];
		java.util.Arrays.fill(min, 65535);
	}

	@Override
	protected void beforeAdding(final int count) {
		if (framesInInts + count > INT_SAFE_FRAMES) carry();
		framesInInts += count;
	}

	/** Moves the int sums into the long totals. */
	private void carry() {
		if (carriedSum == null) {
			carriedSum = new long[sum.length];
			carriedSquares = new long[sum.length];
		}
		for (int i = 0; i < sum.length; i++) {
			carriedSum[i] += sum[i];
			carriedSquares[i] += ((long) squaresHigh[i] << 16) + squaresLow[i];
		}
		java.util.Arrays.fill(sum, 0);
		java.util.Arrays.fill(squaresLow, 0);
		java.util.Arrays.fill(squaresHigh, 0);
		framesInInts = 0;
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1)
	{
		accumulateGrayTile(planes, p, x0, x1, y0, y1);
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		accumulateGraySpans(planes, p, from, to);
	}

	@Override
	int[][] graySums() {
		return new int[][]{ sum, squaresLow, squaresHigh, min, max };
	}

	@Override
	void addRows(final int[][] acc, final int at, final int[] a, final int[] b, final int[] c,
		final int[] d, final int length)
	{
		IntKernels.sum(acc[at], a, b, c, d, length);
		IntKernels.squaresLow(acc[at + 1], a, b, c, d, length);
		IntKernels.squaresHigh(acc[at + 2], a, b, c, d, length);
		IntKernels.min(acc[at + 3], a, b, c, d, length);
		IntKernels.max(acc[at + 4], a, b, c, d, length);
	}

	@Override
	void addRow(final int[][] acc, final int at, final int[] v, final int length) {
		IntKernels.sum(acc[at], v, length);
		IntKernels.squaresLow(acc[at + 1], v, length);
		IntKernels.squaresHigh(acc[at + 2], v, length);
		IntKernels.min(acc[at + 3], v, length);
		IntKernels.max(acc[at + 4], v, length);
	}

	@Override
	void widen(final Object plane, final int start, final int n, final int[] row) {
		IntKernels.widen((short[]) plane, start, n, row);
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final ShortStatistics o = (ShortStatistics) other;
		if (o.carriedSum != null || framesInInts + o.framesInInts > INT_SAFE_FRAMES) {
			carry();
			for (int i = 0; i < sum.length; i++) {
				carriedSum[i] += o.sum(i);
				carriedSquares[i] += o.sumOfSquaredValues(i);
			}
		}
		else {
			for (int i = 0; i < sum.length; i++) {
				sum[i] += o.sum[i];
				squaresLow[i] += o.squaresLow[i];
				squaresHigh[i] += o.squaresHigh[i];
			}
			framesInInts += o.framesInInts;
		}
		for (int i = 0; i < sum.length; i++) {
			min[i] = Math.min(min[i], o.min[i]);
			max[i] = Math.max(max[i], o.max[i]);
		}
		residuals.merge(o.residuals);
		frames += o.frames;
	}

	@Override
	void restoreSums(final int i, final long total, final long totalSquares) {
		if (carriedSum == null) {
			carriedSum = new long[sum.length];
			carriedSquares = new long[sum.length];
		}
		carriedSum[i] = total;
		carriedSquares[i] = totalSquares;
	}

	@Override
	void restoreExtremes(final int i, final int low, final int high) {
		min[i] = low;
		max[i] = high;
	}

	@Override
	long sum(final int i) {
		return (carriedSum == null ? 0 : carriedSum[i]) + sum[i];
	}

	@Override
	void sums(final int from, final int n, final long[] out) {
		for (int k = 0; k < n; k++)
			out[k] = sum[from + k];
		if (carriedSum != null) for (int k = 0; k < n; k++)
			out[k] += carriedSum[from + k];
	}

	@Override
	void squaredValues(final int from, final int n, final long[] out) {
		for (int k = 0; k < n; k++)
			out[k] = ((long) squaresHigh[from + k] << 16) + squaresLow[from + k];
		if (carriedSquares != null) for (int k = 0; k < n; k++)
			out[k] += carriedSquares[from + k];
	}

	@Override
	long sumOfSquaredValues(final int i) {
		return (carriedSquares == null ? 0 : carriedSquares[i]) + ((long) squaresHigh[i] << 16) +
			squaresLow[i];
	}

	@Override
	long longSafeFrames() {
		return LONG_SAFE_FRAMES;
	}

	@Override
	public double min(final int i) {
		return frames == 0 ? Double.NaN : min[i];
	}

	@Override
	public double max(final int i) {
		return frames == 0 ? Double.NaN : max[i];
	}
}

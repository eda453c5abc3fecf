package org.hotpixels.stats;

import static org.hotpixels.stats.TileScratch.SPAN;

import org.hotpixels.source.PixelType;

/**
 * Exact statistics of 8-bit data, grey or packed RGB (three channels per plane): int sums of
 * values and squares, carried into long totals before they could overflow (every 33,025 frames).
 * Grey minima and maxima are ints; RGB ones stay packed like the frames, one int per pixel for
 * all three channels. Per sample: 16 bytes grey, 10.7 bytes RGB (26.7 after the first carry).
 */
final class ByteStatistics extends IntegerStatistics {

	/** Frames the int sums hold: 33025 * 255^2 < 2^31. */
	static final int INT_SAFE_FRAMES = 33025;
	/** Frames up to which {@code frames * sum(x^2)} fits a long, with margin. */
	static final long MAX_FRAMES = Integer.MAX_VALUE / 255;

	private final boolean rgb;
	/** Since the last carry, per sample (channel-major): sums of values and of squares. */
	private final int[] sum, squares;
	/** Per sample for grey; per pixel of each plane, packed 0xRRGGBB, for RGB. */
	private final int[] min, max;
	/** Totals carried out of the int sums; null until a series outgrows them. */
	private long[] carriedSum, carriedSquares;
	private int framesInInts;

	ByteStatistics(final PixelType type, final int width, final int height, final int channels,
		final int reach)
	{
		super(type, width, height, channels, reach);
		rgb = type == PixelType.RGB;
		final int size = planeSize * channels;
		sum = new int[size];
		squares = new int[size];
		min = new int[rgb ? size / 3 : size];
		max = new int[min.length];
		java.util.Arrays.fill(min, rgb ? RgbKernels.ALL_WHITE : 255);
	}

	@Override
	protected void beforeAdding(final int count) {
		if (framesInInts + count > INT_SAFE_FRAMES) carry();
		framesInInts += count;
	}

	private void carry() {
		if (carriedSum == null) {
			carriedSum = new long[sum.length];
			carriedSquares = new long[sum.length];
		}
		for (int i = 0; i < sum.length; i++) {
			carriedSum[i] += sum[i];
			carriedSquares[i] += squares[i];
		}
		java.util.Arrays.fill(sum, 0);
		java.util.Arrays.fill(squares, 0);
		framesInInts = 0;
	}

	/**
	 * Grey data: the whole tile in one pass over each frame ({@link #accumulateGrayTile}); RGB row
	 * by row, then its residuals.
	 */
	@Override
	protected void accumulate(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1)
	{
		if (rgb) {
			super.accumulate(planes, p, x0, x1, y0, y1);
			return;
		}
		accumulateGrayTile(planes, p, x0, x1, y0, y1);
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		if (!rgb) {
			accumulateGraySpans(planes, p, from, to);
			return;
		}
		final TileScratch scratch = TileScratch.get();
		for (int start = from; start < to; start += SPAN)
			accumulateRgb(scratch, planes, p, start, Math.min(SPAN, to - start));
	}

	@Override
	int[][] graySums() {
		return new int[][]{ sum, squares, min, max };
	}

	@Override
	void addRows(final int[][] acc, final int at, final int[] a, final int[] b, final int[] c,
		final int[] d, final int length)
	{
		IntKernels.sum(acc[at], a, b, c, d, length);
		IntKernels.squares(acc[at + 1], a, b, c, d, length);
		IntKernels.min(acc[at + 2], a, b, c, d, length);
		IntKernels.max(acc[at + 3], a, b, c, d, length);
	}

	@Override
	void addRow(final int[][] acc, final int at, final int[] v, final int length) {
		IntKernels.sum(acc[at], v, length);
		IntKernels.squares(acc[at + 1], v, length);
		IntKernels.min(acc[at + 2], v, length);
		IntKernels.max(acc[at + 3], v, length);
	}

	@Override
	void widen(final Object plane, final int start, final int n, final int[] row) {
		IntKernels.widen((byte[]) plane, start, n, row);
	}

	private void accumulateRgb(final TileScratch scratch, final Object[][] planes, final int p,
		final int start, final int n)
	{
		final int[] a = scratch.row(0), b = scratch.row(1), c = scratch.row(2), d = scratch.row(3);
		final int[][] sums = { scratch.row(4), scratch.row(5), scratch.row(6) };
		final int[][] squared = { scratch.row(7), scratch.row(8), scratch.row(9) };
		final int[] mn = scratch.row(10), mx = scratch.row(11);
		for (int k = 0; k < 3; k++) {
			System.arraycopy(sum, (3 * p + k) * planeSize + start, sums[k], 0, n);
			System.arraycopy(squares, (3 * p + k) * planeSize + start, squared[k], 0, n);
		}
		System.arraycopy(min, p * planeSize + start, mn, 0, n);
		System.arraycopy(max, p * planeSize + start, mx, 0, n);
		int f = 0;
		for (; f + 4 <= planes.length; f += 4) {
			System.arraycopy(planes[f][p], start, a, 0, n);
			System.arraycopy(planes[f + 1][p], start, b, 0, n);
			System.arraycopy(planes[f + 2][p], start, c, 0, n);
			System.arraycopy(planes[f + 3][p], start, d, 0, n);
			for (int k = 0; k < 3; k++) {
				RgbKernels.sum(sums[k], a, b, c, d, k, n);
				RgbKernels.squares(squared[k], a, b, c, d, k, n);
			}
			RgbKernels.min(mn, a, b, c, d, n);
			RgbKernels.max(mx, a, b, c, d, n);
		}
		for (; f < planes.length; f++) {
			System.arraycopy(planes[f][p], start, a, 0, n);
			for (int k = 0; k < 3; k++) {
				RgbKernels.sum(sums[k], a, k, n);
				RgbKernels.squares(squared[k], a, k, n);
			}
			RgbKernels.min(mn, a, n);
			RgbKernels.max(mx, a, n);
		}
		for (int k = 0; k < 3; k++) {
			System.arraycopy(sums[k], 0, sum, (3 * p + k) * planeSize + start, n);
			System.arraycopy(squared[k], 0, squares, (3 * p + k) * planeSize + start, n);
		}
		System.arraycopy(mn, 0, min, p * planeSize + start, n);
		System.arraycopy(mx, 0, max, p * planeSize + start, n);
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final ByteStatistics o = (ByteStatistics) other;
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
				squares[i] += o.squares[i];
			}
			framesInInts += o.framesInInts;
		}
		for (int i = 0; i < min.length; i++) {
			min[i] = rgb ? RgbKernels.min(min[i], o.min[i]) : Math.min(min[i], o.min[i]);
			max[i] = rgb ? RgbKernels.max(max[i], o.max[i]) : Math.max(max[i], o.max[i]);
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
		if (!rgb) {
			min[i] = low;
			max[i] = high;
			return;
		}
		final int c = i / planeSize, packed = (c / 3) * planeSize + i % planeSize;
		final int shift = 16 - 8 * (c % 3), mask = ~(0xff << shift);
		min[packed] = min[packed] & mask | low << shift;
		max[packed] = max[packed] & mask | high << shift;
	}

	@Override
	long sum(final int i) {
		return (carriedSum == null ? 0 : carriedSum[i]) + sum[i];
	}

	@Override
	long sumOfSquaredValues(final int i) {
		return (carriedSquares == null ? 0 : carriedSquares[i]) + squares[i];
	}

	@Override
	long longSafeFrames() {
		return MAX_FRAMES;
	}

	@Override
	public double min(final int i) {
		return frames == 0 ? Double.NaN : extreme(min, i);
	}

	@Override
	public double max(final int i) {
		return frames == 0 ? Double.NaN : extreme(max, i);
	}

	/** The minimum or maximum of sample {@code i} (channel-major), unpacking RGB. */
	private int extreme(final int[] values, final int i) {
		if (!rgb) return values[i];
		final int c = i / planeSize;
		return values[(c / 3) * planeSize + i % planeSize] >> 16 - 8 * (c % 3) & 0xff;
	}
}

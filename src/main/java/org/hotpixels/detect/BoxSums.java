package org.hotpixels.detect;

/**
 * Sums of the values in the (2r+1)x(2r+1) window around each pixel of a band of rows, NaN values
 * left out and counted, in a few operations per pixel: (2r+1)-wide sums slide along each row of
 * the band and its margins, then (2r+1)-high sums of those slide down the band (in double).
 *
 * <pre>{@code
 * BoxSums.band(map, 0, w, h, 2, from, to, (y, sum, count) -> { ... sum[x] / count[x] ... });
 * }</pre>
 */
final class BoxSums {

	/** Receives each row's window sums and counts, indexed by x; valid during the call only. */
	interface Row {

		void accept(int y, double[] sum, int[] count);
	}

	private BoxSums() {}

	/**
	 * Hands {@code row} the window sums of rows {@code [from, to)} of a {@code w x h} plane whose
	 * row y is at {@code (y - base) * w} of {@code values} (base 0 for a whole plane; the first
	 * row held for a band's own copy, which must then hold the band's rows and their margins of
	 * r rows).
	 */
	static void band(final float[] values, final int base, final int w, final int h, final int r,
		final int from, final int to, final Row row)
	{
		final int first = Math.max(0, from - r), last = Math.min(h, to + r);
		final double[] rowSum = new double[(last - first) * w];
		final int[] rowCount = new int[rowSum.length];
		for (int y = first; y < last; y++) {
			final int in = (y - base) * w, o = (y - first) * w;
			double sum = 0;
			int count = 0;
			for (int x = 0; x < Math.min(w, r); x++) {
				final float v = values[in + x];
				if (v == v) {
					sum += v;
					count++;
				}
			}
			for (int x = 0; x < w; x++) {
				if (x + r < w) {
					final float v = values[in + x + r];
					if (v == v) {
						sum += v;
						count++;
					}
				}
				if (x - r - 1 >= 0) {
					final float v = values[in + x - r - 1];
					if (v == v) {
						sum -= v;
						count--;
					}
				}
				rowSum[o + x] = sum;
				rowCount[o + x] = count;
			}
		}
		final double[] sum = new double[w];
		final int[] count = new int[w];
		for (int y = first; y < Math.min(h, from + r); y++)
			add(rowSum, rowCount, (y - first) * w, sum, count, 1);
		for (int y = from; y < to; y++) {
			if (y + r < h) add(rowSum, rowCount, (y + r - first) * w, sum, count, 1);
			if (y - r - 1 >= first) add(rowSum, rowCount, (y - r - 1 - first) * w, sum, count, -1);
			row.accept(y, sum, count);
		}
	}

	/** Adds {@code sign} times one row of sums and counts (from {@code offset}) to the totals. */
	private static void add(final double[] rowSum, final int[] rowCount, final int offset,
		final double[] sum, final int[] count, final int sign)
	{
		for (int x = 0; x < sum.length; x++) {
			sum[x] += sign * rowSum[offset + x];
			count[x] += sign * rowCount[offset + x];
		}
	}
}

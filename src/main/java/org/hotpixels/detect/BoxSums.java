package org.hotpixels.detect;

/**
 * Sums of the values in the (2r+1)x(2r+1) window around each pixel of a band of rows, NaN values
 * left out and counted, in a few operations per pixel: (2r+1)-wide sums slide along each row of
 * the band and its margins, then (2r+1)-high sums of those slide down the band (in double), the
 * row sums kept only while the window holds them.
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
		// the row sums that the window of the current row adds and drops, and the next few made
		// with them: a ring of 2r + 1 + ROWS rows, which stays in the cache
		final int ring = 2 * r + 1 + ROWS;
		final double[] rowSum = new double[ring * w];
		final int[] rowCount = new int[rowSum.length];
		final double[] sum = new double[w];
		final int[] count = new int[w];
		int summed = first; // rows below this one have their row sums
		for (int y = first; y < Math.min(h, from + r); y++) {
			if (y >= summed) summed = sumRows(values, base, w, r, y, Math.min(last, y + ROWS), rowSum,
				rowCount, ring);
			add(rowSum, rowCount, (y % ring) * w, sum, count, 1);
		}
		for (int y = from; y < to; y++) {
			final boolean adds = y + r < h, drops = y - r - 1 >= first;
			if (adds && y + r >= summed) summed = sumRows(values, base, w, r, y + r, Math.min(last, y +
				r + ROWS), rowSum, rowCount, ring);
			if (adds && drops) slide(rowSum, rowCount, ((y + r) % ring) * w, ((y - r - 1) % ring) * w,
				sum, count);
			else if (adds) add(rowSum, rowCount, ((y + r) % ring) * w, sum, count, 1);
			else if (drops) add(rowSum, rowCount, ((y - r - 1) % ring) * w, sum, count, -1);
			row.accept(y, sum, count);
		}
	}

	/** Rows whose sums slide along together: independent chains of additions for the CPU. */
	private static final int ROWS = 4;

	/**
	 * The (2r+1)-wide sums and counts of rows {@code [y0, y1)} into their slots of the ring of
	 * {@code ring} rows; returns y1. Four rows slide together, each by its own operations, first
	 * as if no value were NaN; a row that held one (its sum ends NaN: a NaN stays) is made again
	 * with NaN values left out.
	 */
	private static int sumRows(final float[] values, final int base, final int w, final int r,
		final int y0, final int y1, final double[] rowSum, final int[] rowCount, final int ring)
	{
		if (y1 - y0 < ROWS) {
			for (int y = y0; y < y1; y++)
				sumRow(values, (y - base) * w, w, r, rowSum, rowCount, (y % ring) * w);
			return y1;
		}
		final int in0 = (y0 - base) * w, in1 = in0 + w, in2 = in1 + w, in3 = in2 + w;
		final int o0 = (y0 % ring) * w, o1 = ((y0 + 1) % ring) * w, o2 = ((y0 + 2) % ring) * w, o3 =
			((y0 + 3) % ring) * w;
		double s0 = 0, s1 = 0, s2 = 0, s3 = 0;
		int count = 0; // the same for the four rows while no value is NaN
		for (int x = 0; x < Math.min(w, r); x++) {
			s0 += values[in0 + x];
			s1 += values[in1 + x];
			s2 += values[in2 + x];
			s3 += values[in3 + x];
			count++;
		}
		for (int x = 0; x < w; x++) {
			// the value entering the window on the right, then the one leaving it on the left
			if (x + r < w) {
				final int i = x + r;
				s0 += values[in0 + i];
				s1 += values[in1 + i];
				s2 += values[in2 + i];
				s3 += values[in3 + i];
				count++;
			}
			if (x - r - 1 >= 0) {
				final int i = x - r - 1;
				s0 -= values[in0 + i];
				s1 -= values[in1 + i];
				s2 -= values[in2 + i];
				s3 -= values[in3 + i];
				count--;
			}
			rowSum[o0 + x] = s0;
			rowSum[o1 + x] = s1;
			rowSum[o2 + x] = s2;
			rowSum[o3 + x] = s3;
			rowCount[o0 + x] = count;
			rowCount[o1 + x] = count;
			rowCount[o2 + x] = count;
			rowCount[o3 + x] = count;
		}
		if (s0 != s0) sumRow(values, in0, w, r, rowSum, rowCount, o0);
		if (s1 != s1) sumRow(values, in1, w, r, rowSum, rowCount, o1);
		if (s2 != s2) sumRow(values, in2, w, r, rowSum, rowCount, o2);
		if (s3 != s3) sumRow(values, in3, w, r, rowSum, rowCount, o3);
		return y1;
	}

	/**
	 * The (2r+1)-wide sums and counts of the row at {@code in} into {@code rowSum} from {@code o},
	 * NaN values left out.
	 */
	private static void sumRow(final float[] values, final int in, final int w, final int r,
		final double[] rowSum, final int[] rowCount, final int o)
	{
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

	/**
	 * Adds the row of sums and counts at {@code in} to the totals and takes the one at {@code out}
	 * off, in that order (the same roundings as two calls of {@link #add}), in one sweep.
	 */
	private static void slide(final double[] rowSum, final int[] rowCount, final int in,
		final int out, final double[] sum, final int[] count)
	{
		for (int x = 0; x < sum.length; x++) {
			sum[x] = sum[x] + rowSum[in + x] - rowSum[out + x];
			count[x] += rowCount[in + x] - rowCount[out + x];
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

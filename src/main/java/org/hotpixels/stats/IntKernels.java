package org.hotpixels.stats;

/**
 * The inner loops of the integer statistics, shaped so that HotSpot's C2 compiler turns them into
 * SIMD code: one int array written per loop (C2 of JDK 17 to 25 gives up on a loop that stores to two
 * arrays it cannot prove distinct), int arithmetic only (it does not vectorize widening
 * conversions, so 8- and 16-bit samples are first widened into int rows by {@link #widen}), minima
 * and maxima by shifts and masks (it vectorizes neither {@code Math.min} on ints nor conditional
 * moves), small loop bodies (larger ones are not unrolled, hence not vectorized), and every
 * array indexed alike (C2 leaves {@code acc[o + i] += a[i]} scalar, so spans are copied in and out
 * of scratch rows). Each kernel adds four frames ({@code a, b, c, d}) or one to the accumulators
 * {@code acc[i]}, {@code i < n}.
 */
final class IntKernels {

	private IntKernels() {}

	static void widen(final short[] src, final int from, final int n, final int[] row) {
		for (int i = 0; i < n; i++)
			row[i] = src[from + i] & 0xffff;
	}

	static void widen(final byte[] src, final int from, final int n, final int[] row) {
		for (int i = 0; i < n; i++)
			row[i] = src[from + i] & 0xff;
	}

	static void sum(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] += a[i] + b[i] + c[i] + d[i];
	}

	static void sum(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] += a[i];
	}

	/** Sums of squares of values up to 46340 (8-bit data), whose squares fit an int. */
	static void squares(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] += a[i] * a[i] + b[i] * b[i] + c[i] * c[i] + d[i] * d[i];
	}

	static void squares(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] += a[i] * a[i];
	}

	/** Sums of the low 16 bits of squares of 16-bit values (the product wraps, its bits stay). */
	static void squaresLow(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] += (a[i] * a[i] & 0xffff) + (b[i] * b[i] & 0xffff) + (c[i] * c[i] & 0xffff) + (d[i] *
				d[i] & 0xffff);
	}

	static void squaresLow(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] += a[i] * a[i] & 0xffff;
	}

	/** Sums of the high 16 bits of squares of 16-bit values. */
	static void squaresHigh(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] += (a[i] * a[i] >>> 16) + (b[i] * b[i] >>> 16) + (c[i] * c[i] >>> 16) + (d[i] *
				d[i] >>> 16);
	}

	static void squaresHigh(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] += a[i] * a[i] >>> 16;
	}

	/** Running minima; values must differ by less than 2^31 (any 8- or 16-bit data). */
	static void min(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] = min(min(acc[i], min(a[i], b[i])), min(c[i], d[i]));
	}

	static void min(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] = min(acc[i], a[i]);
	}

	static void max(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] = max(max(acc[i], max(a[i], b[i])), max(c[i], d[i]));
	}

	static void max(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] = max(acc[i], a[i]);
	}

	/** Branch-free minimum of two ints that differ by less than 2^31. */
	static int min(final int x, final int y) {
		final int d = x - y;
		return y + (d & d >> 31);
	}

	/** Branch-free maximum of two ints that differ by less than 2^31. */
	static int max(final int x, final int y) {
		final int d = x - y;
		return x - (d & d >> 31);
	}
}

package org.hotpixels.bench;

import java.lang.reflect.Array;

import ij.ImageStack;

/**
 * The least work an exact per-pixel variance needs on an open stack: every pixel's sum of values
 * and of squares, nothing else (no minimum, maximum, residuals or NaN handling), in loops shaped
 * for the JIT: a tile of pixels whose sums stay in the cache, four frames per pass over it, int sums
 * (a 16-bit square split into its low and high 16 bits), double sums for float data. Our
 * statistics pass cannot be faster than this; {@link ReadFloor} is faster still. Exact for the
 * benchmark's stacks (fewer than 32,768 frames).
 *
 * <pre>{@code
 * long check = VarianceFloor.sums(imagePlus.getStack(), 2);
 * }</pre>
 */
final class VarianceFloor {

	/** Pixels per tile: the sums of a tile (up to 6 ints per pixel) stay in a 256 KB cache. */
	private static final int TILE = 2048;

	private VarianceFloor() {}

	/**
	 * Sums of values and squares of every pixel (RGB: of each channel), computed on
	 * {@code threads} threads, each over its own band of pixels; returns a checksum of the sums so
	 * that the JIT cannot drop them.
	 */
	static long sums(final ImageStack stack, final int threads) {
		final Object[] planes = new Object[stack.getSize()];
		for (int k = 0; k < planes.length; k++)
			planes[k] = stack.getPixels(k + 1);
		final int size = stack.getWidth() * stack.getHeight();
		// the sums of every pixel, indexed like the planes (loops with one index make SIMD code)
		final boolean floats = planes[0] instanceof float[];
		final int[][] acc = new int[floats ? 0 : planes[0] instanceof int[] ? 6
			: planes[0] instanceof short[] ? 3 : 2][size];
		final double[][] dacc = new double[floats ? 2 : 0][size];
		final Object zero = planes.length % 4 == 0 ? null : Array.newInstance(planes[0].getClass()
			.getComponentType(), size);
		final int band = (size + threads - 1) / threads;
		return ReadFloor.onThreads(threads, t -> band(planes, zero, t * band, Math.min(size, (t + 1) *
			band), acc, dacc));
	}

	private static long band(final Object[] planes, final Object zero, final int from, final int to,
		final int[][] acc, final double[][] dacc)
	{
		if (planes[0] instanceof int[]) return rgbBand(planes, (int[]) zero, from, to, acc);
		long check = 0;
		for (int x0 = from; x0 < to; x0 += TILE) {
			final int x1 = Math.min(to, x0 + TILE);
			int f = 0;
			for (; f + 4 <= planes.length; f += 4)
				add(planes[f], planes[f + 1], planes[f + 2], planes[f + 3], x0, x1, acc, dacc);
			// frames beyond a multiple of four, beside planes of zeros
			for (; f < planes.length; f++)
				add(planes[f], zero, zero, zero, x0, x1, acc, dacc);
			check += dacc.length > 0 ? (long) dacc[1][x0] : acc[0][x0] + acc[1][x0];
		}
		return check;
	}

	private static void add(final Object a, final Object b, final Object c, final Object d,
		final int x0, final int x1, final int[][] acc, final double[][] dacc)
	{
		if (a instanceof short[]) shorts((short[]) a, (short[]) b, (short[]) c, (short[]) d, x0, x1,
			acc[0], acc[1], acc[2]);
		else if (a instanceof byte[]) bytes((byte[]) a, (byte[]) b, (byte[]) c, (byte[]) d, x0, x1,
			acc[0], acc[1]);
		else if (a instanceof float[]) floats((float[]) a, (float[]) b, (float[]) c, (float[]) d, x0,
			x1, dacc[0], dacc[1]);
		else throw new IllegalArgumentException("RGB goes through rgbBand");
	}

	private static void shorts(final short[] a, final short[] b, final short[] c, final short[] d,
		final int x0, final int x1, final int[] sum, final int[] low, final int[] high)
	{
		for (int i = x0; i < x1; i++) {
			final int va = a[i] & 0xffff, vb = b[i] & 0xffff, vc = c[i] & 0xffff, vd = d[i] & 0xffff;
			sum[i] += va + vb + vc + vd;
			final int qa = va * va, qb = vb * vb, qc = vc * vc, qd = vd * vd;
			low[i] += (qa & 0xffff) + (qb & 0xffff) + (qc & 0xffff) + (qd & 0xffff);
			high[i] += (qa >>> 16) + (qb >>> 16) + (qc >>> 16) + (qd >>> 16);
		}
	}

	private static void bytes(final byte[] a, final byte[] b, final byte[] c, final byte[] d,
		final int x0, final int x1, final int[] sum, final int[] squares)
	{
		for (int i = x0; i < x1; i++) {
			final int va = a[i] & 0xff, vb = b[i] & 0xff, vc = c[i] & 0xff, vd = d[i] & 0xff;
			sum[i] += va + vb + vc + vd;
			squares[i] += va * va + vb * vb + vc * vc + vd * vd;
		}
	}

	private static void floats(final float[] a, final float[] b, final float[] c, final float[] d,
		final int x0, final int x1, final double[] sum, final double[] squares)
	{
		for (int i = x0; i < x1; i++) {
			final double va = a[i], vb = b[i], vc = c[i], vd = d[i];
			sum[i] += va + vb + vc + vd;
			squares[i] += va * va + vb * vb + vc * vc + vd * vd;
		}
	}

	/**
	 * RGB: each tile's sums are kept in scratch rows indexed from 0 while its frames go by, four
	 * at a time, copied into scratch rows too; one loop per channel and sum, each with a constant
	 * shift. With other shapes C2 of JDK 17 makes no SIMD code of these loops (3x slower).
	 */
	private static long rgbBand(final Object[] planes, final int[] zero, final int from, final int to,
		final int[][] acc)
	{
		final int[][] t = new int[10][TILE];
		long check = 0;
		for (int x0 = from; x0 < to; x0 += TILE) {
			final int n = Math.min(TILE, to - x0);
			for (int k = 4; k < 10; k++)
				java.util.Arrays.fill(t[k], 0);
			for (int f = 0; f < planes.length; f += 4) {
				for (int g = 0; g < 4; g++)
					System.arraycopy(f + g < planes.length ? (int[]) planes[f + g] : zero, x0, t[g], 0, n);
				rgb(t[0], t[1], t[2], t[3], n, t);
			}
			for (int ch = 0; ch < 6; ch++)
				System.arraycopy(t[4 + ch], 0, acc[ch], x0, n);
			check += t[4][0] + t[5][0];
		}
		return check;
	}

	/** One loop per channel and sum (one loop for both sums makes no SIMD code either). */
	private static void rgb(final int[] a, final int[] b, final int[] c, final int[] d, final int n,
		final int[][] t)
	{
		final int[] rs = t[4], rq = t[5], gs = t[6], gq = t[7], bs = t[8], bq = t[9];
		for (int k = 0; k < n; k++)
			rs[k] += (a[k] >> 16 & 0xff) + (b[k] >> 16 & 0xff) + (c[k] >> 16 & 0xff) + (d[k] >> 16 &
				0xff);
		for (int k = 0; k < n; k++)
			rq[k] += square(a[k] >> 16 & 0xff) + square(b[k] >> 16 & 0xff) + square(c[k] >> 16 & 0xff) +
				square(d[k] >> 16 & 0xff);
		for (int k = 0; k < n; k++)
			gs[k] += (a[k] >> 8 & 0xff) + (b[k] >> 8 & 0xff) + (c[k] >> 8 & 0xff) + (d[k] >> 8 & 0xff);
		for (int k = 0; k < n; k++)
			gq[k] += square(a[k] >> 8 & 0xff) + square(b[k] >> 8 & 0xff) + square(c[k] >> 8 & 0xff) +
				square(d[k] >> 8 & 0xff);
		for (int k = 0; k < n; k++)
			bs[k] += (a[k] & 0xff) + (b[k] & 0xff) + (c[k] & 0xff) + (d[k] & 0xff);
		for (int k = 0; k < n; k++)
			bq[k] += square(a[k] & 0xff) + square(b[k] & 0xff) + square(c[k] & 0xff) + square(d[k] &
				0xff);
	}

	private static int square(final int v) {
		return v * v;
	}
}

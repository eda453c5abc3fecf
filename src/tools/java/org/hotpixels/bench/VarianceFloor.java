package org.hotpixels.bench;

import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import ij.ImageStack;

/**
 * The least work an exact per-pixel variance needs on an open stack: every pixel's sum of values
 * and of squares, nothing else (no minimum, maximum, residuals or NaN handling), in loops shaped
 * for the JIT: a tile of pixels that stays in the cache, four frames per pass over it, int sums
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
	private static final int TILE = 4096;

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
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<Long>> parts = new ArrayList<>();
			final int band = (size + threads - 1) / threads;
			for (int t = 0; t < threads; t++) {
				final int from = t * band, to = Math.min(size, from + band);
				parts.add(pool.submit(() -> band(planes, from, to)));
			}
			long check = 0;
			for (final Future<Long> part : parts)
				check += part.get();
			return check;
		}
		catch (final InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long band(final Object[] planes, final int from, final int to) {
		final int[][] acc = new int[6][TILE];
		final double[][] dacc = new double[2][TILE];
		// frames beyond a multiple of four go through the same kernels beside planes of zeros
		final Object zero = planes.length % 4 == 0 ? null : empty(planes[0]);
		long check = 0;
		for (int x0 = from; x0 < to; x0 += TILE) {
			final int n = Math.min(TILE, to - x0);
			for (final int[] a : acc)
				Arrays.fill(a, 0);
			for (final double[] a : dacc)
				Arrays.fill(a, 0);
			int f = 0;
			for (; f + 4 <= planes.length; f += 4)
				add(planes[f], planes[f + 1], planes[f + 2], planes[f + 3], x0, n, acc, dacc);
			for (; f < planes.length; f++)
				add(planes[f], zero, zero, zero, x0, n, acc, dacc);
			for (int k = 0; k < n; k++)
				check += acc[0][k] + acc[2][k] + (long) dacc[1][k];
		}
		return check;
	}

	private static void add(final Object a, final Object b, final Object c, final Object d,
		final int x0, final int n, final int[][] acc, final double[][] dacc)
	{
		if (a instanceof short[]) shorts((short[]) a, (short[]) b, (short[]) c, (short[]) d, x0, n,
			acc[0], acc[1], acc[2]);
		else if (a instanceof byte[]) bytes((byte[]) a, (byte[]) b, (byte[]) c, (byte[]) d, x0, n,
			acc[0], acc[1]);
		else if (a instanceof float[]) floats((float[]) a, (float[]) b, (float[]) c, (float[]) d, x0, n,
			dacc[0], dacc[1]);
		else rgb((int[]) a, (int[]) b, (int[]) c, (int[]) d, x0, n, acc);
	}

	private static Object empty(final Object like) {
		final int n = Array.getLength(like);
		if (like instanceof short[]) return new short[n];
		if (like instanceof byte[]) return new byte[n];
		if (like instanceof float[]) return new float[n];
		return new int[n];
	}

	private static void shorts(final short[] a, final short[] b, final short[] c, final short[] d,
		final int x0, final int n, final int[] sum, final int[] low, final int[] high)
	{
		for (int k = 0; k < n; k++) {
			final int i = x0 + k;
			final int va = a[i] & 0xffff, vb = b[i] & 0xffff, vc = c[i] & 0xffff, vd = d[i] & 0xffff;
			sum[k] += va + vb + vc + vd;
			final int qa = va * va, qb = vb * vb, qc = vc * vc, qd = vd * vd;
			low[k] += (qa & 0xffff) + (qb & 0xffff) + (qc & 0xffff) + (qd & 0xffff);
			high[k] += (qa >>> 16) + (qb >>> 16) + (qc >>> 16) + (qd >>> 16);
		}
	}

	private static void bytes(final byte[] a, final byte[] b, final byte[] c, final byte[] d,
		final int x0, final int n, final int[] sum, final int[] squares)
	{
		for (int k = 0; k < n; k++) {
			final int i = x0 + k;
			final int va = a[i] & 0xff, vb = b[i] & 0xff, vc = c[i] & 0xff, vd = d[i] & 0xff;
			sum[k] += va + vb + vc + vd;
			squares[k] += va * va + vb * vb + vc * vc + vd * vd;
		}
	}

	private static void floats(final float[] a, final float[] b, final float[] c, final float[] d,
		final int x0, final int n, final double[] sum, final double[] squares)
	{
		for (int k = 0; k < n; k++) {
			final int i = x0 + k;
			final double va = a[i], vb = b[i], vc = c[i], vd = d[i];
			sum[k] += va + vb + vc + vd;
			squares[k] += va * va + vb * vb + vc * vc + vd * vd;
		}
	}

	private static void rgb(final int[] a, final int[] b, final int[] c, final int[] d, final int x0,
		final int n, final int[][] acc)
	{
		for (int shift = 16, ch = 0; shift >= 0; shift -= 8, ch++) {
			final int[] sum = acc[2 * ch], squares = acc[2 * ch + 1];
			for (int k = 0; k < n; k++) {
				final int i = x0 + k;
				final int va = a[i] >>> shift & 0xff, vb = b[i] >>> shift & 0xff, vc = c[i] >>> shift &
					0xff, vd = d[i] >>> shift & 0xff;
				sum[k] += va + vb + vc + vd;
				squares[k] += va * va + vb * vb + vc * vc + vd * vd;
			}
		}
	}
}

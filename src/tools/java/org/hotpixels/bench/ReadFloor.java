package org.hotpixels.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntToLongFunction;

import ij.ImageStack;

/**
 * The read floor of an open stack: the cheapest pass that still touches every pixel once, a sum
 * of all samples, split by slices over plain threads. Nothing that computes statistics from all
 * pixels can be faster than this on the same machine. Loops are shaped for the JIT (chunk sums in
 * ints, independent accumulators for float), so the floor is a fair one.
 *
 * <pre>{@code
 * long sum = ReadFloor.sum(imagePlus.getStack(), 2);
 * }</pre>
 */
final class ReadFloor {

	/** Samples summed in an int before it is added to the long total: 32768 * 65535 < 2^31. */
	private static final int CHUNK = 32768;

	private ReadFloor() {}

	/** The sum of all samples (RGB: of the packed values), computed on {@code threads} threads. */
	static long sum(final ImageStack stack, final int threads) {
		return onThreads(threads, first -> {
			long sum = 0;
			for (int n = first + 1; n <= stack.getSize(); n += threads)
				sum += sum(stack.getPixels(n));
			return sum;
		});
	}

	/**
	 * Runs {@code part.applyAsLong(t)} for t = 0 to {@code threads - 1}, each on a thread of its
	 * own, and returns the sum of the results.
	 */
	static long onThreads(final int threads, final IntToLongFunction part) {
		final ExecutorService pool = Executors.newFixedThreadPool(threads);
		try {
			final List<Future<Long>> parts = new ArrayList<>();
			for (int t = 0; t < threads; t++) {
				final int index = t;
				parts.add(pool.submit(() -> part.applyAsLong(index)));
			}
			long sum = 0;
			for (final Future<Long> p : parts)
				sum += p.get();
			return sum;
		}
		catch (final InterruptedException | ExecutionException e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}

	private static long sum(final Object pixels) {
		if (pixels instanceof byte[]) return sum((byte[]) pixels);
		if (pixels instanceof short[]) return sum((short[]) pixels);
		if (pixels instanceof float[]) return sum((float[]) pixels);
		return sum((int[]) pixels);
	}

	private static long sum(final byte[] p) {
		long sum = 0;
		for (int from = 0; from < p.length; from += CHUNK) {
			int s = 0;
			for (int i = from, to = Math.min(p.length, from + CHUNK); i < to; i++)
				s += p[i] & 0xff;
			sum += s;
		}
		return sum;
	}

	private static long sum(final short[] p) {
		long sum = 0;
		for (int from = 0; from < p.length; from += CHUNK) {
			int s = 0;
			for (int i = from, to = Math.min(p.length, from + CHUNK); i < to; i++)
				s += p[i] & 0xffff;
			sum += s;
		}
		return sum;
	}

	private static long sum(final int[] p) {
		long sum = 0;
		for (int from = 0; from < p.length; from += CHUNK) {
			int s = 0; // of the low 16 bits: one load per pixel, like the other types
			for (int i = from, to = Math.min(p.length, from + CHUNK); i < to; i++)
				s += p[i] & 0xffff;
			sum += s;
		}
		return sum;
	}

	private static long sum(final float[] p) {
		double a = 0, b = 0, c = 0, d = 0;
		int i = 0;
		for (; i + 4 <= p.length; i += 4) {
			a += p[i];
			b += p[i + 1];
			c += p[i + 2];
			d += p[i + 3];
		}
		for (; i < p.length; i++)
			a += p[i];
		return (long) (a + b + c + d);
	}
}

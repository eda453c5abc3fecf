package org.hotpixels.demo;

/**
 * A small, fast random generator (SplitMix64) for synthetic images: millions of samples per frame,
 * no locking, and independent streams keyed by (seed, frame, purpose) so that any frame can be made
 * on its own, on any thread, with the same result. Not thread-safe: one instance per thread.
 *
 * <pre>{@code
 * FastRandom r = FastRandom.forKey(seed, frameIndex, 2);
 * double g = r.nextGaussian();
 * }</pre>
 */
public final class FastRandom {

	private static final long GOLDEN = 0x9E3779B97F4A7C15L;

	private long state;

	public FastRandom(final long seed) {
		state = seed;
	}

	/** A generator whose stream depends only on {@code seed} and the {@code keys}, in order. */
	public static FastRandom forKey(final long seed, final long... keys) {
		long s = mix(seed + GOLDEN);
		for (final long k : keys)
			s = mix(s ^ mix(k + 0x632BE59BD9B4E019L));
		return new FastRandom(s);
	}

	private static long mix(long z) {
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}

	/** 64 random bits. */
	public long nextLong() {
		return mix(state += GOLDEN);
	}

	/** Uniform in [0, 1). */
	public double nextDouble() {
		return (nextLong() >>> 11) * 0x1.0p-53;
	}

	/** Uniform in [min, max). */
	public double uniform(final double min, final double max) {
		return min + (max - min) * nextDouble();
	}

	/** Uniform integer in [0, bound), for bounds well below 2^31. */
	public int nextInt(final int bound) {
		return (int) (((nextLong() >>> 32) * bound) >>> 32);
	}

	/** Uniform integer in [min, max] (both inclusive). */
	public int between(final int min, final int max) {
		return min + nextInt(max - min + 1);
	}

	/** True with probability {@code p}. */
	public boolean chance(final double p) {
		return nextDouble() < p;
	}

	/**
	 * A standard normal sample, exact, by Marsaglia and Tsang's ziggurat (128 layers): one random
	 * long for 98.8% of the samples, logarithms only in the rare wedges and the tail beyond 3.44.
	 */
	public double nextGaussian() {
		while (true) {
			final long bits = nextLong();
			final int i = (int) bits & (LAYERS - 1);
			final double x = ((bits >>> 11) * 0x1.0p-52 - 1) * ZIGGURAT_X[i];
			if (Math.abs(x) < ZIGGURAT_X[i + 1]) return x;
			if (i == 0) return tail(x > 0);
			final double y = ZIGGURAT_F[i] + nextDouble() * (ZIGGURAT_F[i + 1] - ZIGGURAT_F[i]);
			if (y < Math.exp(-0.5 * x * x)) return x;
		}
	}

	/** Marsaglia's exact sampler for the normal tail beyond the base layer's edge. */
	private double tail(final boolean positive) {
		double a, b;
		do {
			a = -Math.log(1 - nextDouble()) / TAIL_START;
			b = -Math.log(1 - nextDouble());
		} while (b + b < a * a);
		return positive ? TAIL_START + a : -TAIL_START - a;
	}

	private static final int LAYERS = 128;
	private static final double TAIL_START = 3.442619855899;
	private static final double LAYER_AREA = 9.91256303526217e-3;
	/** Right edges of the layers: X[0] the base layer's pseudo-width, X[1] the tail start. */
	private static final double[] ZIGGURAT_X = new double[LAYERS + 1];
	/** exp(-x^2/2) at those edges. */
	private static final double[] ZIGGURAT_F = new double[LAYERS + 1];

	static {
		final double[] x = ZIGGURAT_X;
		x[0] = LAYER_AREA / Math.exp(-0.5 * TAIL_START * TAIL_START);
		x[1] = TAIL_START;
		for (int i = 1; i < LAYERS - 1; i++)
			x[i + 1] = Math.sqrt(-2 * Math.log(Math.exp(-0.5 * x[i] * x[i]) + LAYER_AREA / x[i]));
		x[LAYERS] = 0;
		for (int i = 0; i <= LAYERS; i++)
			ZIGGURAT_F[i] = Math.exp(-0.5 * x[i] * x[i]);
	}
}

package org.hotpixels.demo;

/**
 * Exact Poisson samples for any mean: Knuth's multiplication method below a mean of 10, and
 * Hörmann's transformed rejection with squeeze (PTRS, 1993, as in NumPy) from 10 up, whose cost
 * does not grow with the mean. Used for the dark electrons of each pixel in each dark frame.
 *
 * <pre>{@code
 * FastRandom r = FastRandom.forKey(seed, frame);
 * int electrons = PoissonSampler.sample(r, 25.0);
 * }</pre>
 */
public final class PoissonSampler {

	/** Means from this value up use PTRS, smaller ones Knuth's method. */
	public static final double PTRS_THRESHOLD = 10;

	private static final double HALF_LOG_2PI = 0.5 * Math.log(2 * Math.PI);
	private static final double[] LOG_FACTORIAL = new double[256];

	static {
		for (int k = 1; k < LOG_FACTORIAL.length; k++)
			LOG_FACTORIAL[k] = LOG_FACTORIAL[k - 1] + Math.log(k);
	}

	private PoissonSampler() {}

	/** A Poisson sample of mean {@code lambda}; 0 for a mean of zero, below zero, or NaN. */
	public static int sample(final FastRandom random, final double lambda) {
		if (!(lambda > 0)) return 0;
		return lambda < PTRS_THRESHOLD ? knuth(random, lambda) : ptrs(random, lambda);
	}

	/** Multiplies uniforms until the product falls below exp(-lambda): about lambda+1 draws. */
	static int knuth(final FastRandom random, final double lambda) {
		final double limit = Math.exp(-lambda);
		double product = random.nextDouble();
		int k = 0;
		while (product > limit) {
			k++;
			product *= random.nextDouble();
		}
		return k;
	}

	/**
	 * Transformed rejection with squeeze (Hörmann 1993); valid for lambda >= 10. About half of the
	 * calls (more for large means) are accepted by the squeeze without any logarithm; the others
	 * need two.
	 */
	static int ptrs(final FastRandom random, final double lambda) {
		final double b = 0.931 + 2.53 * Math.sqrt(lambda);
		final double a = -0.059 + 0.02483 * b;
		final double vr = 0.9277 - 3.6224 / (b - 2);
		final double invAlpha = 1.1239 + 1.1328 / (b - 3.4);
		double logLambda = Double.NaN;
		while (true) {
			final double u = random.nextDouble() - 0.5;
			final double v = random.nextDouble();
			final double us = 0.5 - Math.abs(u);
			final double t = (2 * a / us + b) * u + lambda + 0.43;
			final long k = t >= 0 ? (long) t : (long) Math.floor(t);
			if (us >= 0.07 && v <= vr) return (int) k;
			if (k < 0 || (us < 0.013 && v > us)) continue;
			if (Double.isNaN(logLambda)) logLambda = Math.log(lambda);
			if (Math.log(v * invAlpha / (a / (us * us) + b)) <= -lambda + k * logLambda - logFactorial(k))
				return (int) k;
		}
	}

	/** ln(k!): a table below 256, Stirling's series above (error below 1e-15). */
	static double logFactorial(final long k) {
		if (k < LOG_FACTORIAL.length) return LOG_FACTORIAL[(int) k];
		final double x = k + 1.0;
		final double inv = 1 / x;
		final double inv2 = inv * inv;
		return (x - 0.5) * Math.log(x) - x + HALF_LOG_2PI + inv * (1.0 / 12 - inv2 * (1.0 / 360 - inv2 /
			1260));
	}
}

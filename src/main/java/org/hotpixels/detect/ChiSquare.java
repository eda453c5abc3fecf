package org.hotpixels.detect;

/**
 * The lower tail of the chi-square distribution, for the variance test: how small the sample
 * variance of a normal pixel gets by chance. The log of a variance from few frames has a long
 * lower tail (from 10 frames, one pixel in 50,000 shows under 5% of its true variance), far
 * longer than the symmetric sqrt(2 / (n - 1)) approximation allows.
 */
final class ChiSquare {

	private ChiSquare() {}

	/** P(Z > z) of a standard normal Z (complementary error function, relative error < 1.2e-7). */
	static double upperNormalTail(final double z) {
		final double x = Math.abs(z) / Math.sqrt(2);
		final double t = 1 / (1 + 0.5 * x);
		final double erfc = t * Math.exp(-x * x - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t *
			(0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t *
				(-0.82215223 + t * 0.17087277)))))))));
		return z >= 0 ? 0.5 * erfc : 1 - 0.5 * erfc;
	}

	/** ln P(chi^2_k <= x), the log of the regularized lower incomplete gamma P(k/2, x/2). */
	static double logLowerTail(final int k, final double x) {
		final double a = 0.5 * k, h = 0.5 * x;
		double term = 1, sum = 1;
		for (int n = 1; n < 100_000 && term > 1e-16 * sum; n++) {
			term *= h / (a + n);
			sum += term;
		}
		return a * Math.log(h) - h - logGamma(a + 1) + Math.log(sum);
	}

	/** The x with P(chi^2_k <= x) = p, for small p (bisection on log x). */
	static double lowerQuantile(final int k, final double p) {
		final double target = Math.log(p);
		double lo = Math.log(1e-300), hi = Math.log(k + 10 * Math.sqrt(2.0 * k) + 10);
		for (int i = 0; i < 200; i++) {
			final double mid = 0.5 * (lo + hi);
			if (logLowerTail(k, Math.exp(mid)) < target) lo = mid;
			else hi = mid;
		}
		return Math.exp(0.5 * (lo + hi));
	}

	/**
	 * The log of the smallest ratio, sample variance over true variance, that a variance with
	 * {@code k} degrees of freedom (frames - 1) reaches with the probability of a normal deviate
	 * beyond {@code sigma}.
	 */
	static double lowestLogVarianceRatio(final long k, final double sigma) {
		final int dof = (int) Math.min(Integer.MAX_VALUE, Math.max(1, k));
		return Math.log(lowerQuantile(dof, upperNormalTail(sigma)) / dof);
	}

	/** ln Gamma(x) for x > 0 (Lanczos, g = 7; relative error about 1e-15). */
	static double logGamma(final double x) {
		if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
		final double[] c = { 0.99999999999980993, 676.5203681218851, -1259.1392167224028,
			771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
			9.9843695780195716e-6, 1.5056327351493116e-7 };
		final double z = x - 1;
		double s = c[0];
		for (int i = 1; i < 9; i++)
			s += c[i] / (z + i);
		final double t = z + 7.5;
		return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(s);
	}
}

package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The Poisson and Gaussian samplers against textbook moments, probabilities and CDF values. */
class RandomSamplersTest {

	private static final int SAMPLES = 2_000_000;

	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 5, 9.99, 10, 50, 5000 })
	void poissonMeanAndVarianceEqualLambda(final double lambda) {
		final FastRandom random = new FastRandom(42);
		double sum = 0, sumSquares = 0;
		for (int i = 0; i < SAMPLES; i++) {
			final double k = PoissonSampler.sample(random, lambda);
			sum += k;
			sumSquares += k * k;
		}
		final double mean = sum / SAMPLES;
		final double variance = (sumSquares - sum * mean) / (SAMPLES - 1);
		// standard errors of the sample mean and of the sample variance of a Poisson variable
		final double meanError = Math.sqrt(lambda / SAMPLES);
		final double varianceError = Math.sqrt((lambda + 2 * lambda * lambda) / SAMPLES);
		assertEquals(lambda, mean, 4.5 * meanError, "mean");
		assertEquals(lambda, variance, 4.5 * varianceError, "variance");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.5, 5, 12, 50 })
	void poissonFrequenciesPassAChiSquareTest(final double lambda) {
		final int[] counts = new int[(int) (lambda * 4 + 20)];
		final FastRandom random = new FastRandom(7);
		for (int i = 0; i < SAMPLES; i++) {
			final int k = PoissonSampler.sample(random, lambda);
			counts[Math.min(k, counts.length - 1)]++;
		}
		// P(0) = exp(-lambda), then P(k) = P(k-1) * lambda / k; bins expecting under 20 are pooled
		double p = Math.exp(-lambda), remaining = 1, chiSquare = 0, pooledExpected = 0;
		int pooledCount = 0, bins = 0;
		for (int k = 0; k < counts.length; k++) {
			if (k > 0) p *= lambda / k;
			final double probability = k == counts.length - 1 ? remaining : p;
			remaining -= p;
			pooledExpected += probability * SAMPLES;
			pooledCount += counts[k];
			if (pooledExpected >= 20 || k == counts.length - 1) {
				chiSquare += (pooledCount - pooledExpected) * (pooledCount - pooledExpected) /
					pooledExpected;
				bins++;
				pooledExpected = 0;
				pooledCount = 0;
			}
		}
		final int df = bins - 1;
		assertTrue(chiSquare < df + 4 * Math.sqrt(2 * df), "chi-square " + chiSquare + " with " + df +
			" degrees of freedom");
	}

	@Test
	void poissonOfZeroOrNaNIsZero() {
		final FastRandom random = new FastRandom(1);
		assertEquals(0, PoissonSampler.sample(random, 0));
		assertEquals(0, PoissonSampler.sample(random, -3));
		assertEquals(0, PoissonSampler.sample(random, Double.NaN));
	}

	@Test
	void logFactorialMatchesSumOfLogarithms() {
		double sum = 0;
		for (int k = 1; k <= 3000; k++) {
			sum += Math.log(k);
			assertEquals(sum, PoissonSampler.logFactorial(k), 1e-12 * sum, "ln " + k + "!");
		}
	}

	@Test
	void gaussianFollowsTheNormalDistribution() {
		final double[] x = { -3.5, -2, -1, 0, 0.5, 1, 2, 3, 3.5, 4 };
		// Phi(x) from tables
		final double[] phi = { 2.326290790e-4, 0.02275013195, 0.1586552539, 0.5, 0.6914624613,
			0.8413447461, 0.9772498681, 0.9986501020, 0.9997673709, 0.9999683288 };
		final int n = 2_000_000;
		final long[] below = new long[x.length];
		final FastRandom random = new FastRandom(3);
		double sum = 0, sumSquares = 0, sumFourth = 0;
		for (int i = 0; i < n; i++) {
			final double g = random.nextGaussian();
			sum += g;
			sumSquares += g * g;
			sumFourth += g * g * g * g;
			for (int k = 0; k < x.length; k++)
				if (g < x[k]) below[k]++;
		}
		assertEquals(0, sum / n, 5 / Math.sqrt(n));
		assertEquals(1, sumSquares / n, 5 * Math.sqrt(2.0 / n));
		assertEquals(3, sumFourth / n, 5 * Math.sqrt(96.0 / n));
		for (int k = 0; k < x.length; k++) {
			final double error = Math.sqrt(phi[k] * (1 - phi[k]) / n);
			assertEquals(phi[k], below[k] / (double) n, 5 * error + 1e-7, "P(X < " + x[k] + ")");
		}
	}

	@Test
	void keyedStreamsAreReproducibleAndDistinct() {
		assertEquals(FastRandom.forKey(5, 1, 2).nextLong(), FastRandom.forKey(5, 1, 2).nextLong());
		assertTrue(FastRandom.forKey(5, 1, 2).nextLong() != FastRandom.forKey(5, 2, 1).nextLong());
		assertTrue(FastRandom.forKey(5, 1).nextLong() != FastRandom.forKey(6, 1).nextLong());
	}
}

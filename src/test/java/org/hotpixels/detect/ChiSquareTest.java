package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The chi-square lower tail against closed forms and published table values. */
class ChiSquareTest {

	@Test
	void normalTailMatchesTableValues() {
		assertEquals(0.158655, ChiSquare.upperNormalTail(1), 1e-6);
		assertEquals(1.349898e-3, ChiSquare.upperNormalTail(3), 1e-8);
		assertEquals(9.865876e-10, ChiSquare.upperNormalTail(6), 1e-15);
		assertEquals(0.841345, ChiSquare.upperNormalTail(-1), 1e-6);
	}

	@Test
	void quantilesMatchClosedFormsAndTables() {
		// two degrees of freedom: P(X <= x) = 1 - exp(-x / 2)
		for (final double p : new double[]{ 1e-9, 1e-4, 0.01, 0.3 })
			assertEquals(-2 * Math.log1p(-p), ChiSquare.lowerQuantile(2, p), 1e-9 * (1 - 2 * Math.log1p(
				-p)));
		assertEquals(3.325, ChiSquare.lowerQuantile(9, 0.05), 1e-3);
		assertEquals(0.115, ChiSquare.lowerQuantile(3, 0.01), 1e-3);
		assertEquals(69.230, ChiSquare.lowerQuantile(99, 0.01), 1e-3);
		assertEquals(37.485, ChiSquare.lowerQuantile(60, 0.01), 1e-3);
	}

	@Test
	void fewFramesHaveALongLowerTail() {
		// from 10 frames, one normal pixel in 1e9 shows under 0.6% of its variance; from 100, 37%
		assertEquals(Math.log(0.0054), ChiSquare.lowestLogVarianceRatio(9, 6), 0.02);
		assertEquals(Math.log(0.367), ChiSquare.lowestLogVarianceRatio(99, 6), 0.01);
		assertTrue(ChiSquare.lowestLogVarianceRatio(9, 6) < -6 * Math.sqrt(2.0 / 9));
	}
}

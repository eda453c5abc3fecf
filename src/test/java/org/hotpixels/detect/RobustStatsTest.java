package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The fast approximations of {@link RobustStats} against {@link Math#log} and {@link Math#log1p}. */
class RobustStatsTest {

	@Test
	void fastLogMatchesMathLog() {
		for (double x = 1e-30; x < 1e30; x *= 1.37)
			assertEquals(Math.log(x), RobustStats.fastLog((float) x), 2e-7 * Math.max(1, Math.abs(Math
				.log(x))) + 1e-6, "at " + x);
	}

	@Test
	void fastTToZMatchesTheExactFormula() {
		for (final double dof : new double[]{ 1, 5, 39, 351, 1e4, 1e6 })
			for (double t = -40; t <= 40; t += 0.173) {
				final double u = t * t / dof;
				final double exact = Math.signum(t) * Math.sqrt(dof * Math.log1p(u) * (1 - 1 / (2 * dof)));
				assertEquals(exact, RobustStats.fastTToZ(t, dof), 1e-5 * Math.abs(exact) + 1e-9, "t " + t +
					", dof " + dof);
			}
	}
}

package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** The reference's own rounding, checked against BigDecimal's division to 40 digits. */
class ExactReferenceTest {

	@Test
	void fractionsRoundToTheNearestDouble() {
		final BigInteger three = BigInteger.valueOf(3);
		assertEquals(1.0 / 3, ExactReference.nearestDouble(BigInteger.ONE, three), 0);
		assertEquals(-2.0 / 3, ExactReference.nearestDouble(BigInteger.valueOf(-2), three), 0);
		assertEquals(0.1, ExactReference.nearestDouble(BigDecimal.ONE, BigDecimal.TEN), 0);
		assertEquals(0, ExactReference.nearestDouble(BigInteger.ZERO, BigInteger.TEN), 0);
		final Random random = new Random(1);
		for (int k = 0; k < 2_000; k++) {
			final BigInteger p = new BigInteger(1 + random.nextInt(150), random);
			final BigInteger q = new BigInteger(1 + random.nextInt(100), random).add(BigInteger.ONE);
			final double expected = new BigDecimal(p).divide(new BigDecimal(q), new MathContext(40))
				.doubleValue();
			assertEquals(expected, ExactReference.nearestDouble(p, q), 0, p + " / " + q);
		}
	}
}

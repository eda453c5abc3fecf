package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * {@link MasterDark#medianBetween}, the block spread's median of distances selected only between
 * the two sides' medians, against the median of the sorted values, for bounds that bracket it,
 * bounds that miss it and NaN bounds.
 */
class MasterDarkSpreadTest {

	@Test
	void medianBetweenIsTheMedianOfAllValues() {
		final Random random = new Random(5);
		for (int trial = 0; trial < 2000; trial++) {
			final int n = 1 + random.nextInt(trial < 1000 ? 30 : 1100);
			final float[] values = new float[n];
			for (int i = 0; i < n; i++)
				values[i] = trial % 3 == 0 ? random.nextInt(4) : (float) Math.abs(random.nextGaussian() *
					(random.nextInt(10) == 0 ? 5 : 1));
			final float[] sorted = values.clone();
			Arrays.sort(sorted);
			final float median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
			// the bounds the block spread passes (near the median), far off, inverted or NaN
			final float low, high;
			switch (trial % 4) {
				case 0 :
					low = sorted[Math.max(0, n / 2 - 1 - random.nextInt(n / 4 + 1))];
					high = sorted[Math.min(n - 1, n / 2 + random.nextInt(n / 4 + 1))];
					break;
				case 1 :
					low = sorted[random.nextInt(n)];
					high = sorted[random.nextInt(n)];
					break;
				case 2 :
					low = Float.NaN;
					high = 1;
					break;
				default :
					low = high = sorted[n / 2];
			}
			assertEquals(median, MasterDark.medianBetween(values.clone(), n, low, high, new float[n]),
				"n " + n + ", bounds " + low + ".." + high);
		}
	}
}

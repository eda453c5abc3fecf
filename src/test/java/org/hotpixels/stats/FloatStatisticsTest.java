package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.assertMatches;
import static org.hotpixels.stats.StatisticsAssert.assertRelative;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * Float statistics: stable with a large offset (where the textbook formula collapses), and
 * skipping NaN and infinite samples pixel by pixel.
 */
class FloatStatisticsTest {

	private static final int WIDTH = 16;
	private static final int HEIGHT = 16;

	/**
	 * 1e5 + N(0, 1), stored as float, 64 frames: the engine's variance is within 1e-6 of the
	 * exact one at every pixel (in fact within 1e-10). The textbook formula
	 * {@code (sum(x^2) - sum(x)^2 / n) / (n - 1)} is useless there in single precision (off by
	 * at least 50% at every pixel, typically by a factor of a thousand), and even in double
	 * precision misses the 1e-6 bound at most pixels: the test can tell a stable method apart.
	 */
	@Test
	void offsetOfOneHundredThousandWithUnitNoise() {
		final Random random = new Random(100_000);
		final List<Frame> frames = new ArrayList<>();
		for (int f = 0; f < 64; f++) {
			final float[] pixels = new float[WIDTH * HEIGHT];
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = (float) (1e5 + random.nextGaussian());
			frames.add(Frame.of("frame" + f, PixelType.GRAY32, WIDTH, HEIGHT, pixels));
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		StatisticsAssert.addInBatches(stats, frames, 5, 16, 1);
		final ExactReference reference = ExactReference.of(frames);
		int doubleNaiveFailures = 0;
		for (int i = 0; i < WIDTH * HEIGHT; i++) {
			final double exact = reference.variance[i];
			assertRelative(exact, stats.variance(i), 1e-6, "variance", i);
			final double floatError = Math.abs(naiveFloatVariance(frames, i) - exact) / exact;
			assertTrue(floatError >= 0.5, "naive float error at " + i + ": " + floatError);
			final double doubleError = Math.abs(naiveDoubleVariance(frames, i) - exact) / exact;
			if (doubleError > 1e-6) doubleNaiveFailures++;
		}
		assertTrue(doubleNaiveFailures > WIDTH * HEIGHT / 2, doubleNaiveFailures + " failures");
		assertMatches(reference, stats, 1e-10);
	}

	/** {@code (sum(x^2) - sum(x)^2 / n) / (n - 1)} in float, as a quick implementation would. */
	private static double naiveFloatVariance(final List<Frame> frames, final int i) {
		float sum = 0, sumOfSquares = 0;
		for (final Frame f : frames) {
			final float v = ((float[]) f.plane(0))[i];
			sum += v;
			sumOfSquares += v * v;
		}
		final int n = frames.size();
		return (sumOfSquares - sum * sum / n) / (n - 1);
	}

	/** The same formula in double precision. */
	private static double naiveDoubleVariance(final List<Frame> frames, final int i) {
		double sum = 0, sumOfSquares = 0;
		for (final Frame f : frames) {
			final double v = ((float[]) f.plane(0))[i];
			sum += v;
			sumOfSquares += v * v;
		}
		final int n = frames.size();
		return (sumOfSquares - sum * sum / n) / (n - 1);
	}

	/**
	 * Two planes of samples, by index modulo 5: all valid; some NaN; some infinite; none valid;
	 * exactly one valid. Added in two halves that are merged, so partial results with zero
	 * valid samples at a pixel merge too.
	 */
	@Test
	void nanAndInfiniteSamplesAreSkippedPerPixel() {
		final int n = WIDTH * HEIGHT, count = 15;
		final Random random = new Random(5);
		final List<Frame> frames = new ArrayList<>();
		for (int f = 0; f < count; f++) {
			final float[][] planes = new float[2][n];
			for (int s = 0; s < 2 * n; s++)
				planes[s / n][s % n] = sample(s, f, count, random);
			frames.add(Frame.of("frame" + f, PixelType.GRAY32, WIDTH, HEIGHT, planes[0], planes[1]));
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		stats.addAll(frames.subList(0, 7));
		final PixelStatistics secondHalf = PixelStatistics.like(frames.get(0));
		secondHalf.addAll(frames.subList(7, count));
		stats.merge(secondHalf);

		assertEquals(count, stats.frameCount());
		assertMatches(ExactReference.of(frames), stats, 1e-12);
		for (int s = 0; s < 2 * n; s++) {
			if (s % 5 == 0) assertEquals(count, stats.count(s));
			if (s % 5 == 3) {
				assertEquals(0, stats.count(s));
				assertTrue(Double.isNaN(stats.mean(s)) && Double.isNaN(stats.min(s)) && Double.isNaN(stats
					.max(s)) && Double.isNaN(stats.populationVariance(s)));
			}
			if (s % 5 == 4) {
				assertEquals(1, stats.count(s));
				assertTrue(Double.isNaN(stats.variance(s)));
				assertEquals(0, stats.populationVariance(s), 0);
				assertEquals(stats.min(s), stats.max(s), 0);
			}
		}
		assertTrue(Float.isNaN(stats.meanMap(1)[2]), "no mean without samples (sample n + 2)");
	}

	private static float sample(final int s, final int frame, final int count, final Random random) {
		final float value = (float) (100 + 10 * random.nextGaussian());
		switch (s % 5) {
			case 1 :
				return random.nextInt(3) == 0 ? Float.NaN : value;
			case 2 :
				return random.nextInt(3) == 0 ? random.nextBoolean() ? Float.POSITIVE_INFINITY
					: Float.NEGATIVE_INFINITY : value;
			case 3 :
				return frame % 2 == 0 ? Float.NaN : Float.NEGATIVE_INFINITY;
			case 4 :
				return frame == s % count ? value : Float.NaN;
			default :
				return value;
		}
	}
}

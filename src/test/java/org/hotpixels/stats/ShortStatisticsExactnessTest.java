package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * 16-bit statistics stay exact over long series of values near 0 and near 65535, where sums of
 * squares reach 10^17 per pixel and a double-precision formula loses digits: over 10,000 added
 * frames (long arithmetic), and over 46,340, 46,341 and 160,000 frames reached by merging, past
 * the point where {@link ShortStatistics} switches to BigInteger arithmetic and beyond the point
 * where it must.
 */
class ShortStatisticsExactnessTest {

	private static final int WIDTH = 8;
	private static final int HEIGHT = 4;
	private static final int FRAMES = 10_000;
	/** ShortStatistics computes frames * sum(x^2) in a long up to this many frames. */
	private static final int LONG_SAFE_FRAMES = 46_340;

	private static List<Frame> frames;
	private static PixelStatistics stats;
	private static ExactReference reference;

	@BeforeAll
	static void addTenThousandFrames() {
		frames = extremeSeries(FRAMES, 65_535);
		stats = PixelStatistics.create(PixelType.GRAY16, WIDTH, HEIGHT, 1);
		for (final Frame f : frames)
			stats.add(f);
		reference = ExactReference.of(frames);
	}

	/**
	 * Pixels by column: 0 at 65535 minus 0..15, 1 at 0..15, 2 jumping between both, 3 uniform,
	 * 4 constant 65535, 5 constant 0, 6 at 65535 or 65534, 7 at 65535 minus 0..1000.
	 */
	private static List<Frame> extremeSeries(final int count, final long seed) {
		final Random random = new Random(seed);
		final List<Frame> series = new ArrayList<>(count);
		for (int f = 0; f < count; f++) {
			final short[] pixels = new short[WIDTH * HEIGHT];
			for (int i = 0; i < pixels.length; i++)
				pixels[i] = (short) value(i % WIDTH, random);
			series.add(Frame.of("frame" + f, PixelType.GRAY16, WIDTH, HEIGHT, pixels));
		}
		return series;
	}

	private static int value(final int column, final Random random) {
		switch (column) {
			case 0 :
				return 65535 - random.nextInt(16);
			case 1 :
				return random.nextInt(16);
			case 2 :
				return random.nextBoolean() ? random.nextInt(16) : 65535 - random.nextInt(16);
			case 3 :
				return random.nextInt(65536);
			case 4 :
				return 65535;
			case 5 :
				return 0;
			case 6 :
				return 65535 - random.nextInt(2);
			default :
				return 65535 - random.nextInt(1001);
		}
	}

	@Test
	void tenThousandFramesAreExact() {
		assertEquals(FRAMES, stats.frameCount());
		assertMatches(reference, stats, 1e-15);
		assertEquals(0, stats.variance(4), 0, "a constant 65535 pixel has no variance");
		assertEquals(0, stats.variance(5), 0, "a constant 0 pixel has no variance");
	}

	/**
	 * The check above has teeth: the textbook one-pass formula in double precision, fed the very
	 * same samples, misses the variance of a pixel near 65535 by far more than the tolerance.
	 */
	@Test
	void doublePrecisionSumsWouldNotBeExactHere() {
		double sum = 0, sumOfSquares = 0;
		for (final Frame f : frames) {
			final double v = ExactReference.sample(f, 0, 0);
			sum += v;
			sumOfSquares += v * v;
		}
		final double naive = (FRAMES * sumOfSquares - sum * sum) / ((double) FRAMES * (FRAMES - 1));
		final double error = Math.abs(naive - reference.variance[0]) / reference.variance[0];
		assertTrue(error > 1e-12, "naive relative error " + error);
	}

	/**
	 * 160,000 frames: at pixel (2, 0), which jumps between both ends of the range, even the
	 * result {@code n sum(x^2) - sum(x)^2} exceeds a long, so wrapping long arithmetic (which
	 * would still be exact for a result that fits) cannot pass.
	 */
	@Test
	void oneHundredSixtyThousandMergedFramesAreExact() {
		final int times = 16;
		final PixelStatistics total = PixelStatistics.create(PixelType.GRAY16, WIDTH, HEIGHT, 1);
		for (int k = 0; k < times; k++)
			total.merge(stats);
		assertEquals(times * FRAMES, total.frameCount());
		assertTrue(scaledSumOfSquares(frames, times, 2).compareTo(BigInteger.valueOf(
			Long.MAX_VALUE)) > 0, "n sum(x^2) - sum(x)^2 exceeds a long");
		assertMatches(ExactReference.repeated(frames, times), total, 1e-15);
	}

	@Test
	void exactOnBothSidesOfTheSwitchToBigIntegers() {
		final int chunk = 10;
		final PixelStatistics first = PixelStatistics.create(PixelType.GRAY16, WIDTH, HEIGHT, 1);
		first.addAll(frames.subList(0, chunk));
		final PixelStatistics total = PixelStatistics.create(PixelType.GRAY16, WIDTH, HEIGHT, 1);
		for (int k = 0; k < LONG_SAFE_FRAMES / chunk; k++)
			total.merge(first);
		assertEquals(LONG_SAFE_FRAMES, total.frameCount());
		assertMatches(ExactReference.repeated(frames.subList(0, chunk), LONG_SAFE_FRAMES / chunk),
			total, 1e-15);

		total.add(frames.get(chunk));
		final long[] times = new long[chunk + 1];
		Arrays.fill(times, LONG_SAFE_FRAMES / chunk);
		times[chunk] = 1;
		assertEquals(LONG_SAFE_FRAMES + 1, total.frameCount());
		assertMatches(ExactReference.weighted(frames.subList(0, chunk + 1), times), total, 1e-15);
	}

	/** {@code n sum(x^2) - sum(x)^2} at pixel {@code i} of the series repeated {@code times}. */
	private static BigInteger scaledSumOfSquares(final List<Frame> series, final int times,
		final int i)
	{
		BigInteger sum = BigInteger.ZERO, sumOfSquares = BigInteger.ZERO;
		for (final Frame f : series) {
			final BigInteger x = BigInteger.valueOf((long) ExactReference.sample(f, 0, i));
			sum = sum.add(x);
			sumOfSquares = sumOfSquares.add(x.multiply(x));
		}
		final BigInteger t = BigInteger.valueOf(times);
		final BigInteger n = BigInteger.valueOf(series.size()).multiply(t);
		sum = sum.multiply(t);
		return n.multiply(sumOfSquares.multiply(t)).subtract(sum.multiply(sum));
	}
}

package org.hotpixels.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * The integer engines keep int partial sums and carry them into long totals every 32,767
 * (16-bit) or 33,025 (8-bit) frames. Series that cross the carry, in batches larger than
 * {@link PixelStatistics#MAX_BATCH}, in small batches and merged, must give the same exact
 * statistics as plain long sums computed here. Extreme pixels (always 65535, jumping between 0
 * and the maximum) make any overflow show. Also the packed RGB minimum and maximum against
 * channel-by-channel ones.
 */
class IntegerCarryTest {

	private static final int W = 4, H = 3;

	@Test
	void sixteenBitStaysExactAcrossTheCarry() {
		checkAcrossTheCarry(PixelType.GRAY16, 40_000, 65535);
	}

	@Test
	void eightBitStaysExactAcrossTheCarry() {
		checkAcrossTheCarry(PixelType.GRAY8, 36_000, 255);
	}

	@Test
	void rgbStaysExactAcrossTheCarry() {
		checkAcrossTheCarry(PixelType.RGB, 36_000, 255);
	}

	private static void checkAcrossTheCarry(final PixelType type, final int n, final int maxValue) {
		final List<Frame> frames = frames(type, n, maxValue, 3);
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		final int big = PixelStatistics.MAX_BATCH + 5;
		stats.addAll(frames.subList(0, big)); // split in two batches
		int i = big;
		for (; i + 7 <= n - 3; i += 7)
			stats.addAll(frames.subList(i, i + 7));
		for (; i < n; i++)
			stats.add(frames.get(i));
		assertExact(frames, stats);

		final PixelStatistics merged = PixelStatistics.like(frames.get(0));
		final PixelStatistics small = PixelStatistics.like(frames.get(0));
		small.addAll(frames.subList(0, 10));
		merged.merge(small); // int sums into empty statistics
		final PixelStatistics rest = PixelStatistics.like(frames.get(0));
		rest.addAll(frames.subList(10, n)); // carried
		merged.merge(rest);
		assertExact(frames, merged);
	}

	@Test
	void packedRgbMinimumAndMaximumArePerChannel() {
		final Random random = new Random(11);
		for (int k = 0; k < 200_000; k++) {
			final int x = random.nextInt(), y = random.nextInt();
			int min = 0, max = 0;
			for (int shift = 0; shift <= 16; shift += 8) {
				min |= Math.min(x >> shift & 0xff, y >> shift & 0xff) << shift;
				max |= Math.max(x >> shift & 0xff, y >> shift & 0xff) << shift;
			}
			assertEquals(min, RgbKernels.min(x, y), "min of " + Integer.toHexString(x) + ", " + Integer
				.toHexString(y));
			assertEquals(max, RgbKernels.max(x, y), "max of " + Integer.toHexString(x) + ", " + Integer
				.toHexString(y));
		}
	}

	/** Pixel 0 always at the maximum, pixel 1 alternating 0 and maximum, the others random. */
	private static List<Frame> frames(final PixelType type, final int n, final int maxValue,
		final long seed)
	{
		final Random random = new Random(seed);
		final List<Frame> frames = new ArrayList<>(n);
		for (int f = 0; f < n; f++) {
			final Object plane = Frame.newPlane(type, W * H);
			for (int p = 0; p < W * H; p++) {
				final int v = p == 0 ? maxValue : p == 1 ? (f % 2) * maxValue : random.nextInt(maxValue +
					1);
				if (type == PixelType.GRAY16) ((short[]) plane)[p] = (short) v;
				else if (type == PixelType.GRAY8) ((byte[]) plane)[p] = (byte) v;
				else((int[]) plane)[p] = 0xff000000 | v << 16 | (maxValue - v) << 8 | (v * 7 & 0xff);
			}
			frames.add(Frame.of("f" + f, type, W, H, plane));
		}
		return frames;
	}

	private static int sample(final Frame f, final int c, final int p) {
		final Object plane = f.plane(0);
		if (plane instanceof short[]) return ((short[]) plane)[p] & 0xffff;
		if (plane instanceof byte[]) return ((byte[]) plane)[p] & 0xff;
		return ((int[]) plane)[p] >> 16 - 8 * c & 0xff;
	}

	private static void assertExact(final List<Frame> frames, final PixelStatistics stats) {
		final long n = frames.size();
		assertEquals(n, stats.frameCount());
		for (int c = 0; c < stats.channels(); c++) {
			// the maps (computed from spans of the sums) hold the per-pixel values, cast to float
			final float[] meanMap = stats.meanMap(c), varianceMap = stats.varianceMap(c);
			for (int p = 0; p < W * H; p++) {
				final int i = stats.index(p % W, p / W, c);
				assertEquals((float) stats.mean(i), meanMap[p], 0, "mean map at channel " + c + " pixel " +
					p);
				assertEquals((float) stats.variance(i), varianceMap[p], 0, "variance map at channel " + c +
					" pixel " + p);
			}
			for (int p = 0; p < W * H; p++) {
				long sum = 0, squares = 0;
				int min = Integer.MAX_VALUE, max = Integer.MIN_VALUE;
				for (final Frame f : frames) {
					final int v = sample(f, c, p);
					sum += v;
					squares += (long) v * v;
					min = Math.min(min, v);
					max = Math.max(max, v);
				}
				final int i = stats.index(p % W, p / W, c);
				final String where = "channel " + c + " pixel " + p;
				assertEquals(exact(BigInteger.valueOf(sum), BigInteger.valueOf(n)), stats.mean(i), 0,
					"mean at " + where);
				final BigInteger scaled = BigInteger.valueOf(n).multiply(BigInteger.valueOf(squares))
					.subtract(BigInteger.valueOf(sum).pow(2));
				final double variance = exact(scaled, BigInteger.valueOf(n * (n - 1)));
				assertEquals(variance, stats.variance(i), 1e-15 * variance, "variance at " + where);
				assertEquals(min, stats.min(i), 0, "min at " + where);
				assertEquals(max, stats.max(i), 0, "max at " + where);
			}
		}
	}

	private static double exact(final BigInteger numerator, final BigInteger denominator) {
		return new BigDecimal(numerator).divide(new BigDecimal(denominator), MathContext.DECIMAL128)
			.doubleValue();
	}
}

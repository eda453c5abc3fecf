package org.hotpixels.stats;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

import org.hotpixels.source.Frame;

/**
 * Per-pixel statistics computed the slow, obvious and exact way, as the reference the engine is
 * checked against. Two passes over the samples of each pixel in {@link BigDecimal} (every 8-bit,
 * 16-bit and float sample is exactly a decimal): the first gives the exact sum {@code S} of the
 * {@code n} samples, the second the exact {@code Q = sum((n x - S)^2)}, which is {@code n^2}
 * times the sum of squared deviations from the exact mean {@code S / n}. Each statistic is then
 * an exact fraction ({@code S / n}, {@code Q / n^2}, {@code Q / (n^2 (n - 1))}, ...), rounded
 * once to the nearest double. Non-finite samples are skipped, as the engine promises for float
 * data.
 * <p>
 * A frame can count several times ({@link #weighted}), so series of millions of frames can be
 * described without storing them.
 */
final class ExactReference {

	final int planeSize;
	final long[] count;
	final double[] mean;
	final double[] sumOfSquares;
	final double[] variance;
	final double[] populationVariance;
	final double[] min;
	final double[] max;

	private ExactReference(final int planeSize, final int size) {
		this.planeSize = planeSize;
		count = new long[size];
		mean = new double[size];
		sumOfSquares = new double[size];
		variance = new double[size];
		populationVariance = new double[size];
		min = new double[size];
		max = new double[size];
	}

	/** The reference statistics of a series where every frame counts once. */
	static ExactReference of(final List<Frame> frames) {
		final long[] once = new long[frames.size()];
		java.util.Arrays.fill(once, 1);
		return weighted(frames, once);
	}

	/** The reference statistics of {@code frames}, each repeated {@code times} times. */
	static ExactReference repeated(final List<Frame> frames, final long times) {
		final long[] weights = new long[frames.size()];
		java.util.Arrays.fill(weights, times);
		return weighted(frames, weights);
	}

	/** The reference statistics of a series where frame {@code f} counts {@code times[f]} times. */
	static ExactReference weighted(final List<Frame> frames, final long[] times) {
		final Frame first = frames.get(0);
		final int planeSize = first.width() * first.height();
		final ExactReference ref = new ExactReference(planeSize, planeSize * first.channels());
		for (int c = 0; c < first.channels(); c++)
			for (int i = 0; i < planeSize; i++)
				ref.computePixel(frames, times, c, i);
		return ref;
	}

	private void computePixel(final List<Frame> frames, final long[] times, final int c,
		final int i)
	{
		final int index = c * planeSize + i;
		final BigDecimal[] values = new BigDecimal[frames.size()];
		long n = 0;
		BigDecimal sum = BigDecimal.ZERO;
		double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
		for (int f = 0; f < frames.size(); f++) {
			final double v = sample(frames.get(f), c, i);
			if (Double.isNaN(v) || Double.isInfinite(v)) continue;
			values[f] = exact(v);
			n += times[f];
			sum = sum.add(values[f].multiply(BigDecimal.valueOf(times[f])));
			lo = Math.min(lo, v);
			hi = Math.max(hi, v);
		}
		final BigDecimal bigN = BigDecimal.valueOf(n);
		BigDecimal q = BigDecimal.ZERO;
		for (int f = 0; f < frames.size(); f++) {
			if (values[f] == null) continue;
			final BigDecimal deviation = bigN.multiply(values[f]).subtract(sum);
			q = q.add(deviation.multiply(deviation).multiply(BigDecimal.valueOf(times[f])));
		}
		count[index] = n;
		final BigDecimal n2 = bigN.multiply(bigN);
		mean[index] = n < 1 ? Double.NaN : nearestDouble(sum, bigN);
		sumOfSquares[index] = n < 1 ? Double.NaN : nearestDouble(q, n2);
		populationVariance[index] = n < 1 ? Double.NaN : nearestDouble(q, n2.multiply(bigN));
		variance[index] = n < 2 ? Double.NaN : nearestDouble(q, n2.multiply(BigDecimal.valueOf(n - 1)));
		min[index] = n < 1 ? Double.NaN : lo;
		max[index] = n < 1 ? Double.NaN : hi;
	}

	/** {@code v} as a decimal, exactly; integers take the fast path of a long. */
	private static BigDecimal exact(final double v) {
		return v == (long) v ? BigDecimal.valueOf((long) v) : new BigDecimal(v);
	}

	/** The double nearest to {@code a / b}, for {@code b > 0}. */
	static double nearestDouble(final BigDecimal a, final BigDecimal b) {
		final int scale = Math.max(a.scale(), b.scale());
		return nearestDouble(a.setScale(scale).unscaledValue(), b.setScale(scale).unscaledValue());
	}

	/**
	 * The double nearest to the fraction {@code p / q}, for {@code q > 0}: the integer quotient
	 * scaled to 62 or 63 bits, with its lowest bit set if the division left a remainder, rounds
	 * to 53 bits exactly as the fraction would.
	 */
	static double nearestDouble(final BigInteger p, final BigInteger q) {
		if (p.signum() < 0) return -nearestDouble(p.negate(), q);
		if (p.signum() == 0) return 0;
		final int shift = 62 - p.bitLength() + q.bitLength();
		final BigInteger[] quotient = shift >= 0 ? p.shiftLeft(shift).divideAndRemainder(q) : p
			.divideAndRemainder(q.shiftLeft(-shift));
		final long bits = quotient[0].longValueExact() | (quotient[1].signum() == 0 ? 0 : 1);
		return Math.scalb((double) bits, -shift);
	}

	/**
	 * Sample {@code i} of channel {@code c} of a frame, read directly from its arrays: unsigned
	 * 8 and 16 bits; packed RGB has red, green, blue in bits 16-23, 8-15, 0-7 and three channels
	 * per plane.
	 */
	static double sample(final Frame frame, final int c, final int i) {
		switch (frame.type()) {
			case GRAY8 :
				return Byte.toUnsignedInt(((byte[]) frame.plane(c))[i]);
			case GRAY16 :
				return Short.toUnsignedInt(((short[]) frame.plane(c))[i]);
			case GRAY32 :
				return ((float[]) frame.plane(c))[i];
			default :
				final int rgb = ((int[]) frame.plane(c / 3))[i];
				return (rgb >>> (8 * (2 - c % 3))) & 0xff;
		}
	}
}

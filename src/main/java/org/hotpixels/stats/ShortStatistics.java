package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Exact statistics of unsigned 16-bit data: long sums of values and squares (exact up to 2^31
 * frames), min and max as 16-bit values: 20 bytes per sample.
 */
final class ShortStatistics extends IntegerStatistics {

	/** Largest n with n * sum(x^2) <= n^2 * 65535^2 < 2^63. */
	private static final long LONG_SAFE_FRAMES = 46340;

	final long[] sum;
	final long[] sumSq;
	final char[] min;
	final char[] max;

	ShortStatistics(final int width, final int height, final int channels) {
		super(PixelType.GRAY16, width, height, channels);
		final int size = planeSize * channels;
		sum = new long[size];
		sumSq = new long[size];
		min = new char[size];
		max = new char[size];
		java.util.Arrays.fill(min, (char) 65535);
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		final int offset = p * planeSize;
		for (int i = from; i < to; i++) {
			final int o = offset + i;
			long s = 0, s2 = 0;
			int mn = min[o], mx = max[o];
			for (final Object[] frame : planes) {
				final int v = ((short[]) frame[p])[i] & 0xffff;
				s += v;
				s2 += (long) v * v;
				mn = Math.min(mn, v);
				mx = Math.max(mx, v);
			}
			sum[o] += s;
			sumSq[o] += s2;
			min[o] = (char) mn;
			max[o] = (char) mx;
		}
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final ShortStatistics o = (ShortStatistics) other;
		for (int i = 0; i < sum.length; i++) {
			sum[i] += o.sum[i];
			sumSq[i] += o.sumSq[i];
			min[i] = (char) Math.min(min[i], o.min[i]);
			max[i] = (char) Math.max(max[i], o.max[i]);
		}
		frames += o.frames;
	}

	@Override
	long sum(final int i) {
		return sum[i];
	}

	@Override
	long sumOfSquaredValues(final int i) {
		return sumSq[i];
	}

	@Override
	long longSafeFrames() {
		return LONG_SAFE_FRAMES;
	}

	@Override
	public double min(final int i) {
		return frames == 0 ? Double.NaN : min[i];
	}

	@Override
	public double max(final int i) {
		return frames == 0 ? Double.NaN : max[i];
	}
}

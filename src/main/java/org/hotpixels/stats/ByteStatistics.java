package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Exact statistics of 8-bit data, grey or packed RGB (three channels per plane). Sums are ints
 * (exact up to 8,421,504 frames), squares longs, min and max bytes: 14 bytes per sample.
 */
final class ByteStatistics extends IntegerStatistics {

	/** Frames after which an int sum of 8-bit values could overflow. */
	static final long MAX_FRAMES = Integer.MAX_VALUE / 255;

	final int[] sum;
	final long[] sumSq;
	final byte[] min;
	final byte[] max;

	ByteStatistics(final PixelType type, final int width, final int height, final int channels) {
		super(type, width, height, channels);
		final int size = planeSize * channels;
		sum = new int[size];
		sumSq = new long[size];
		min = new byte[size];
		max = new byte[size];
		java.util.Arrays.fill(min, (byte) 255);
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		if (frames + planes.length > MAX_FRAMES) throw new ArithmeticException(
			"More than " + MAX_FRAMES + " 8-bit frames");
		if (type == PixelType.RGB) {
			for (int c = 0; c < 3; c++)
				accumulateRgb(planes, p, c, (3 * p + c) * planeSize, from, to);
		}
		else accumulateGray(planes, p, p * planeSize, from, to);
	}

	private void accumulateGray(final Object[][] planes, final int p, final int offset,
		final int from, final int to)
	{
		for (int i = from; i < to; i++) {
			final int o = offset + i;
			int s = 0, mn = min[o] & 0xff, mx = max[o] & 0xff;
			long s2 = 0;
			for (final Object[] frame : planes) {
				final int v = ((byte[]) frame[p])[i] & 0xff;
				s += v;
				s2 += v * v;
				mn = Math.min(mn, v);
				mx = Math.max(mx, v);
			}
			store(o, s, s2, mn, mx);
		}
	}

	private void accumulateRgb(final Object[][] planes, final int p, final int c,
		final int offset, final int from, final int to)
	{
		final int shift = 16 - 8 * c;
		for (int i = from; i < to; i++) {
			final int o = offset + i;
			int s = 0, mn = min[o] & 0xff, mx = max[o] & 0xff;
			long s2 = 0;
			for (final Object[] frame : planes) {
				final int v = (((int[]) frame[p])[i] >> shift) & 0xff;
				s += v;
				s2 += v * v;
				mn = Math.min(mn, v);
				mx = Math.max(mx, v);
			}
			store(o, s, s2, mn, mx);
		}
	}

	private void store(final int o, final int s, final long s2, final int mn, final int mx) {
		sum[o] += s;
		sumSq[o] += s2;
		min[o] = (byte) mn;
		max[o] = (byte) mx;
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final ByteStatistics o = (ByteStatistics) other;
		if (frames + o.frames > MAX_FRAMES) throw new ArithmeticException("More than " + MAX_FRAMES +
			" 8-bit frames");
		for (int i = 0; i < sum.length; i++) {
			sum[i] += o.sum[i];
			sumSq[i] += o.sumSq[i];
			min[i] = (byte) Math.min(min[i] & 0xff, o.min[i] & 0xff);
			max[i] = (byte) Math.max(max[i] & 0xff, o.max[i] & 0xff);
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
		return MAX_FRAMES;
	}

	@Override
	public double min(final int i) {
		return frames == 0 ? Double.NaN : min[i] & 0xff;
	}

	@Override
	public double max(final int i) {
		return frames == 0 ? Double.NaN : max[i] & 0xff;
	}
}

package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Statistics of 32-bit float data by Welford's update, merged with Chan et al.'s formula, in
 * double precision: stable when the values carry a large offset (1e5 plus unit noise loses
 * nothing). NaN and infinite samples are skipped per pixel, so each pixel has its own count.
 */
final class FloatStatistics extends PixelStatistics {

	final int[] count;
	final double[] mean;
	final double[] m2;
	final float[] min;
	final float[] max;

	FloatStatistics(final int width, final int height, final int channels) {
		super(PixelType.GRAY32, width, height, channels);
		final int size = planeSize * channels;
		count = new int[size];
		mean = new double[size];
		m2 = new double[size];
		min = new float[size];
		max = new float[size];
		java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
		java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
	}

	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		final int offset = p * planeSize;
		for (int i = from; i < to; i++) {
			final int o = offset + i;
			int k = count[o];
			double mu = mean[o], s = m2[o];
			float mn = min[o], mx = max[o];
			for (final Object[] frame : planes) {
				final float v = ((float[]) frame[p])[i];
				if (!Float.isFinite(v)) continue;
				k++;
				final double delta = v - mu;
				mu += delta / k;
				s += delta * (v - mu);
				mn = Math.min(mn, v);
				mx = Math.max(mx, v);
			}
			count[o] = k;
			mean[o] = mu;
			m2[o] = s;
			min[o] = mn;
			max[o] = mx;
		}
	}

	@Override
	public void merge(final PixelStatistics other) {
		checkMergeable(other);
		final FloatStatistics o = (FloatStatistics) other;
		for (int i = 0; i < count.length; i++) {
			final long na = count[i], nb = o.count[i], nn = na + nb;
			if (nb == 0) continue;
			if (nn > Integer.MAX_VALUE) throw new ArithmeticException("Too many samples");
			final double delta = o.mean[i] - mean[i];
			mean[i] = na == 0 ? o.mean[i] : mean[i] + delta * nb / nn;
			m2[i] = m2[i] + o.m2[i] + delta * delta * ((double) na * nb / nn);
			count[i] = (int) nn;
			min[i] = Math.min(min[i], o.min[i]);
			max[i] = Math.max(max[i], o.max[i]);
		}
		frames += o.frames;
	}

	@Override
	public long count(final int i) {
		return count[i];
	}

	@Override
	public double mean(final int i) {
		return count[i] == 0 ? Double.NaN : mean[i];
	}

	@Override
	public double sumOfSquares(final int i) {
		return count[i] == 0 ? Double.NaN : m2[i];
	}

	@Override
	public double min(final int i) {
		return count[i] == 0 ? Double.NaN : min[i];
	}

	@Override
	public double max(final int i) {
		return count[i] == 0 ? Double.NaN : max[i];
	}
}

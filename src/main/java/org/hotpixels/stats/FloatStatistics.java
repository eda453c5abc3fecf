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

	FloatStatistics(final int width, final int height, final int channels, final int reach) {
		super(PixelType.GRAY32, width, height, channels, reach);
		final int size = planeSize * channels;
		count = new int[size];
		mean = new double[size];
		m2 = new double[size];
		min = new float[size];
		max = new float[size];
		java.util.Arrays.fill(min, Float.POSITIVE_INFINITY);
		java.util.Arrays.fill(max, Float.NEGATIVE_INFINITY);
	}

	/**
	 * Frame by frame over spans of a tile, so that successive pixels are independent and their
	 * divisions overlap (pixel by pixel, each frame's update waited for the previous one's: about
	 * four times slower). Each pixel sees the same operations in the same order either way.
	 */
	@Override
	protected void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		final int offset = p * planeSize;
		for (int start = from; start < to; start += TileScratch.SPAN) {
			final int end = Math.min(to, start + TileScratch.SPAN);
			for (final Object[] frame : planes)
				update((float[]) frame[p], offset, start, end);
		}
	}

	private void update(final float[] values, final int offset, final int from, final int to) {
		final int[] count = this.count;
		final double[] mean = this.mean, m2 = this.m2;
		final float[] min = this.min, max = this.max;
		for (int i = from; i < to; i++) {
			final float v = values[i];
			if (!Float.isFinite(v)) continue;
			final int o = offset + i;
			final int k = count[o] + 1;
			final double mu = mean[o];
			final double delta = v - mu;
			final double next = mu + delta / k;
			count[o] = k;
			mean[o] = next;
			m2[o] += delta * (v - next);
			min[o] = Math.min(min[o], v);
			max[o] = Math.max(max[o], v);
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
		residuals.merge(o.residuals);
		frames += o.frames;
	}

	@Override
	public long count(final int i) {
		return count[i];
	}

	@Override
	public double residualMean(final int i) {
		return residuals.floatMean(i);
	}

	@Override
	public double residualVariance(final int i) {
		return residuals.floatVariance(i);
	}

	@Override
	public long residualCount(final int i) {
		return residuals.floatCount(i);
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

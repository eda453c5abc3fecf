package org.hotpixels.stats;

import org.hotpixels.source.PixelType;

/**
 * Temporal statistics of every frame's <em>spatial residual</em>, accumulated in the same pass
 * as the pixel statistics: for each frame, {@code r = 4 v(x, y) - v(x - d, y) - v(x + d, y) -
 * v(x, y - d) - v(x, y + d)}, the pixel against its four same-channel neighbours at reach
 * {@code d} (1 for grey images, 2 for RGB, whose 4:2:0 JPEG chroma spreads a defect over 2x2
 * pixels, and for raw mosaics, whose same-colour sites are 2 apart). At the image edge the
 * missing neighbour is replaced by its mirror image ({@link #neighbour}).
 * <p>
 * Integer data keeps the exact sum of {@code r^2} per sample (a long); the sum of {@code r}
 * follows exactly from the pixel sums, so the mean and variance of the residual are exact
 * integers until the final division. Float data keeps a Welford mean and sum of squared
 * deviations of {@code r} over the frames where all five values are finite.
 * <p>
 * A stuck or hot pixel has a mean residual far from zero with a small temporal spread, whatever
 * the scene does: the scene moves pixel and neighbours alike, and cancels.
 */
final class ResidualStatistics {

	private final PixelType type;
	private final int width, height, planeSize;
	final int reach;
	/** Integer data: sum of r^2 per sample. */
	final long[] squares;
	/** Float data: valid residuals, their mean and sum of squared deviations, per sample. */
	final int[] count;
	final double[] mean, m2;

	ResidualStatistics(final PixelType type, final int width, final int height,
		final int channels, final int reach)
	{
		if (reach < 1) throw new IllegalArgumentException("reach must be positive: " + reach);
		this.type = type;
		this.width = width;
		this.height = height;
		this.reach = reach;
		this.planeSize = width * height;
		final int size = planeSize * channels;
		if (type.isInteger()) {
			squares = new long[size];
			count = null;
			mean = m2 = null;
		}
		else {
			squares = null;
			count = new int[size];
			mean = new double[size];
			m2 = new double[size];
		}
	}

	/**
	 * The neighbour at {@code x + offset} of a row or column of {@code size} pixels, mirrored
	 * into it at the ends ({@code x - offset} instead), or {@code x} itself when neither fits.
	 */
	static int neighbour(final int x, final int offset, final int size) {
		final int n = x + offset;
		if (n >= 0 && n < size) return n;
		final int m = x - offset;
		return m >= 0 && m < size ? m : x;
	}

	/** Accumulates plane {@code p} of every frame for pixels {@code [from, to)} of the plane. */
	void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		for (final Object[] frame : planes) {
			final Object plane = frame[p];
			switch (type) {
				case GRAY8:
					accumulate(new Bytes((byte[]) plane), p * planeSize, from, to);
					break;
				case GRAY16:
					accumulate(new Shorts((short[]) plane), p * planeSize, from, to);
					break;
				case RGB:
					for (int c = 0; c < 3; c++)
						accumulate(new RgbChannel((int[]) plane, 16 - 8 * c), (3 * p + c) * planeSize, from,
							to);
					break;
				default:
					accumulateFloat((float[]) plane, p * planeSize, from, to);
			}
		}
	}

	/** Integer samples of one channel plane. */
	private interface Samples {

		int at(int i);
	}

	private static final class Shorts implements Samples {

		final short[] v;

		Shorts(final short[] v) {
			this.v = v;
		}

		@Override
		public int at(final int i) {
			return v[i] & 0xffff;
		}
	}

	private static final class Bytes implements Samples {

		final byte[] v;

		Bytes(final byte[] v) {
			this.v = v;
		}

		@Override
		public int at(final int i) {
			return v[i] & 0xff;
		}
	}

	private static final class RgbChannel implements Samples {

		final int[] v;
		final int shift;

		RgbChannel(final int[] v, final int shift) {
			this.v = v;
			this.shift = shift;
		}

		@Override
		public int at(final int i) {
			return v[i] >> shift & 0xff;
		}
	}

	/**
	 * Integer residuals, row by row: interior pixels by one of the type's loops with direct
	 * offsets (the common case; one loop per type so that each stays monomorphic and simple),
	 * edge pixels through {@link #neighbour}.
	 */
	private void accumulate(final Samples s, final int offset, final int from, final int to) {
		final int d = reach;
		for (int start = from; start < to;) {
			final int y = start / width;
			final int end = Math.min(to, (y + 1) * width);
			final boolean innerRow = y >= d && y < height - d;
			final int innerFrom = innerRow ? Math.max(start, y * width + d) : end;
			final int innerTo = innerRow ? Math.max(innerFrom, Math.min(end, (y + 1) * width - d))
				: end;
			for (int i = start; i < innerFrom; i++)
				squares[offset + i] += square(edgeResidual(s, i - y * width, y));
			if (s instanceof Shorts) inner(((Shorts) s).v, offset, innerFrom, innerTo);
			else if (s instanceof Bytes) inner(((Bytes) s).v, offset, innerFrom, innerTo);
			else inner(((RgbChannel) s).v, ((RgbChannel) s).shift, offset, innerFrom, innerTo);
			for (int i = innerTo; i < end; i++)
				squares[offset + i] += square(edgeResidual(s, i - y * width, y));
			start = end;
		}
	}

	private void inner(final short[] v, final int offset, final int from, final int to) {
		final long[] sq = squares;
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++) {
			final long r = 4 * (v[i] & 0xffff) - (v[i - d] & 0xffff) - (v[i + d] & 0xffff) - (v[i -
				dw] & 0xffff) - (v[i + dw] & 0xffff);
			sq[offset + i] += r * r;
		}
	}

	private void inner(final byte[] v, final int offset, final int from, final int to) {
		final long[] sq = squares;
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++) {
			final int r = 4 * (v[i] & 0xff) - (v[i - d] & 0xff) - (v[i + d] & 0xff) - (v[i - dw] &
				0xff) - (v[i + dw] & 0xff);
			sq[offset + i] += r * r;
		}
	}

	private void inner(final int[] v, final int shift, final int offset, final int from,
		final int to)
	{
		final long[] sq = squares;
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++) {
			final int r = 4 * (v[i] >> shift & 0xff) - (v[i - d] >> shift & 0xff) - (v[i + d] >> shift &
				0xff) - (v[i - dw] >> shift & 0xff) - (v[i + dw] >> shift & 0xff);
			sq[offset + i] += r * r;
		}
	}

	private static long square(final long r) {
		return r * r;
	}

	private long edgeResidual(final Samples s, final int x, final int y) {
		final int row = y * width;
		return 4L * s.at(row + x) - s.at(row + neighbour(x, -reach, width)) - s.at(row + neighbour(x,
			reach, width)) - s.at(neighbour(y, -reach, height) * width + x) - s.at(neighbour(y, reach,
				height) * width + x);
	}

	private void accumulateFloat(final float[] v, final int offset, final int from, final int to) {
		for (int i = from; i < to; i++) {
			final int y = i / width, x = i - y * width;
			final double r = 4.0 * v[i] - v[y * width + neighbour(x, -reach, width)] - v[y * width +
				neighbour(x, reach, width)] - v[neighbour(y, -reach, height) * width + x] - v[neighbour(y,
					reach, height) * width + x];
			if (Double.isNaN(r) || Double.isInfinite(r)) continue;
			final int o = offset + i;
			final int k = count[o] + 1;
			final double mu = mean[o];
			final double delta = r - mu;
			final double next = mu + delta / k;
			count[o] = k;
			mean[o] = next;
			m2[o] += delta * (r - next);
		}
	}

	/** Adds {@code other}'s residuals (same shape and reach) as if its frames had been added. */
	void merge(final ResidualStatistics other) {
		if (other.reach != reach) throw new IllegalArgumentException("Cannot merge residuals of reach " +
			other.reach + " into reach " + reach);
		if (squares != null) {
			for (int i = 0; i < squares.length; i++)
				squares[i] += other.squares[i];
			return;
		}
		for (int i = 0; i < count.length; i++) {
			final long na = count[i], nb = other.count[i], nn = na + nb;
			if (nb == 0) continue;
			final double delta = other.mean[i] - mean[i];
			mean[i] = na == 0 ? other.mean[i] : mean[i] + delta * nb / nn;
			m2[i] = m2[i] + other.m2[i] + delta * delta * ((double) na * nb / nn);
			count[i] = (int) nn;
		}
	}

	/** Float data: mean of {@code r / 4} of sample {@code i}, NaN without valid residuals. */
	double floatMean(final int i) {
		return count[i] == 0 ? Double.NaN : mean[i] / 4;
	}

	/** Float data: sample variance of {@code r / 4} of sample {@code i}. */
	double floatVariance(final int i) {
		return count[i] < 2 ? Double.NaN : m2[i] / (16.0 * (count[i] - 1));
	}

	/** Float data: number of frames with a valid residual at sample {@code i}. */
	long floatCount(final int i) {
		return count[i];
	}
}

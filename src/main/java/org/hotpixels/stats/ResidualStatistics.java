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
 * integers until the final division. Float data keeps shifted sums (the shifted-data algorithm:
 * sums of {@code r - K} and its square, {@code K} the pixel's first valid residual, so that no
 * cancellation occurs and no sample needs a division) of
 * deviations of {@code r} over the frames where all five values are finite.
 * <p>
 * A stuck or hot pixel has a mean residual far from zero with a small temporal spread, whatever
 * the scene does: the scene moves pixel and neighbours alike, and cancels.
 */
final class ResidualStatistics {

	private final PixelType type;
	private final int width, height, planeSize;
	final int reach;
	/**
	 * 16-bit data: sum of r^2 per sample since the last carry, in doubles (exact: every sum of up
	 * to {@link #SAFE_FRAMES} squares of residuals of 16-bit data stays below 2^53); their totals
	 * are {@link #squares(int)}.
	 */
	private final double[] recent;
	/**
	 * 8-bit and RGB data: the same in ints (r^2 is at most 1020^2, so {@link #SAFE_FRAMES_8}
	 * frames fit): 4 bytes per sample instead of 8.
	 */
	private final int[] recentInt;
	/** Frames the recent sums hold exactly. */
	private final int safeFrames;
	/** Integer data: sums carried out of {@link #recent}; null until a series outgrows it. */
	private long[] carried;
	/** Frames in {@link #recent} since the last carry. */
	private int framesInRecent;
	/** Frames whose squared residuals (each below (4 x 65535)^2) sum exactly in a double. */
	static final int SAFE_FRAMES = 131_000;
	/** Frames whose squared residuals of 8-bit data (each at most 1020^2) sum exactly in an int. */
	static final int SAFE_FRAMES_8 = 2_000;
	/** Float data: valid residuals, their shift K, and sums of r - K and (r - K)^2, per sample. */
	private final int[] count;
	private final float[] shift;
	private final double[] s1, s2;

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
			final boolean wide = type == PixelType.GRAY16;
			recent = wide ? new double[size] : null;
			recentInt = wide ? null : new int[size];
			safeFrames = wide ? SAFE_FRAMES : SAFE_FRAMES_8;
			count = null;
			shift = null;
			s1 = s2 = null;
		}
		else {
			recent = null;
			recentInt = null;
			safeFrames = 0;
			count = new int[size];
			shift = new float[size];
			s1 = new double[size];
			s2 = new double[size];
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

	/** True for integer data, whose squared residuals are kept exactly. */
	boolean exact() {
		return recent != null || recentInt != null;
	}

	private int samples() {
		return recent != null ? recent.length : recentInt.length;
	}

	private long recent(final int i) {
		return recent != null ? (long) recent[i] : recentInt[i];
	}

	/** Exact sum of the squared residuals {@code r} of sample {@code i} (integer data). */
	long squares(final int i) {
		return (carried == null ? 0 : carried[i]) + recent(i);
	}

	/** Restores the saved sum of squared residuals of sample {@code i} (integer data). */
	void restoreSquares(final int i, final long value) {
		if (carried == null) carried = new long[samples()];
		carried[i] = value;
		if (recent != null) recent[i] = 0;
		else recentInt[i] = 0;
	}

	/** Called before a batch of {@code count} frames: keeps the double sums exact. */
	void beforeAdding(final int count) {
		if (!exact()) return;
		if (framesInRecent + count > safeFrames) carry();
		framesInRecent += count;
	}

	private void carry() {
		if (carried == null) carried = new long[samples()];
		for (int i = 0; i < carried.length; i++)
			carried[i] += recent(i);
		if (recent != null) java.util.Arrays.fill(recent, 0);
		else java.util.Arrays.fill(recentInt, 0);
		framesInRecent = 0;
	}

	/**
	 * Accumulates plane {@code p} of every frame for pixels {@code [from, to)} of the plane: span
	 * by span, the span's sums in a scratch row while every frame of the batch streams over it.
	 */
	void accumulate(final Object[][] planes, final int p, final int from, final int to) {
		if (type == PixelType.GRAY32) { // span by span, so the span's sums stay in the cache
			for (int start = from; start < to; start += SPAN)
				for (final Object[] frame : planes)
					accumulateFloat((float[]) frame[p], p * planeSize, start, Math.min(to, start + SPAN));
			return;
		}
		final Scratch scratch = SCRATCH.get();
		if (type == PixelType.RGB) {
			accumulateRgb(planes, p, from, to, scratch);
			return;
		}
		final int offset = p * planeSize;
		for (int start = from; start < to; start += SPAN) {
			final int n = Math.min(SPAN, to - start);
			if (recent != null) System.arraycopy(recent, offset + start, scratch.acc, 0, n);
			else System.arraycopy(recentInt, offset + start, scratch.accInt, 0, n);
			for (final Object[] frame : planes) {
				final Object plane = frame[p];
				residuals(type == PixelType.GRAY16 ? new Shorts((short[]) plane) : new Bytes(
					(byte[]) plane), start, n, scratch.r);
				if (recent != null) square(scratch.acc, scratch.r, n);
				else square(scratch.accInt, scratch.r, n);
			}
			if (recent != null) System.arraycopy(scratch.acc, 0, recent, offset + start, n);
			else System.arraycopy(scratch.accInt, 0, recentInt, offset + start, n);
		}
	}

	/**
	 * Packed RGB: the three channels' residuals in one pass over each frame's span (each packed
	 * neighbour read once), into three scratch rows of sums.
	 */
	private void accumulateRgb(final Object[][] planes, final int p, final int from, final int to,
		final Scratch scratch)
	{
		final int[] offsets = { 3 * p * planeSize, (3 * p + 1) * planeSize, (3 * p + 2) * planeSize };
		for (int start = from; start < to; start += SPAN) {
			final int n = Math.min(SPAN, to - start);
			for (int c = 0; c < 3; c++)
				System.arraycopy(recentInt, offsets[c] + start, scratch.rgbAcc[c], 0, n);
			for (final Object[] frame : planes) {
				final int[] v = (int[]) frame[p];
				final int y0 = start / width, y1 = (start + n - 1) / width;
				final boolean inner = y0 >= reach && y1 < height - reach;
				if (inner) innerRgb(v, start, n, scratch.rgbR);
				else for (int c = 0; c < 3; c++)
					residuals(new RgbChannel(v, 16 - 8 * c), start, n, scratch.rgbR[c]);
				for (int c = 0; c < 3; c++)
					square(scratch.rgbAcc[c], scratch.rgbR[c], n);
			}
			for (int c = 0; c < 3; c++)
				System.arraycopy(scratch.rgbAcc[c], 0, recentInt, offsets[c] + start, n);
		}
	}

	/**
	 * The three channels' residuals of pixels {@code [start, start + n)}, all in rows away from
	 * the top and bottom edges; pixels at the left and right edges through {@link #neighbour}.
	 */
	private void innerRgb(final int[] v, final int start, final int n, final int[][] r) {
		final int d = reach, dw = reach * width;
		final int[] red = r[0], green = r[1], blue = r[2];
		int x = start % width - 1;
		for (int k = 0; k < n; k++) {
			final int i = start + k;
			if (++x == width) x = 0;
			if (x < d || x >= width - d) {
				final int y = i / width;
				for (int c = 0; c < 3; c++)
					r[c][k] = (int) edgeResidual(new RgbChannel(v, 16 - 8 * c), x, y);
				continue;
			}
			final int a = v[i], l = v[i - d], rt = v[i + d], u = v[i - dw], dn = v[i + dw];
			red[k] = 4 * (a >> 16 & 0xff) - (l >> 16 & 0xff) - (rt >> 16 & 0xff) - (u >> 16 & 0xff) - (dn >>
				16 & 0xff);
			green[k] = 4 * (a >> 8 & 0xff) - (l >> 8 & 0xff) - (rt >> 8 & 0xff) - (u >> 8 & 0xff) - (dn >>
				8 & 0xff);
			blue[k] = 4 * (a & 0xff) - (l & 0xff) - (rt & 0xff) - (u & 0xff) - (dn & 0xff);
		}
	}

	/** Pixels per span of {@link #accumulate}. */
	private static final int SPAN = 1024;

	/** Per-thread scratch rows of {@link #accumulate}. */
	private static final class Scratch {

		final double[] acc = new double[SPAN];
		final int[] r = new int[SPAN];
		final int[] accInt = new int[SPAN];
		final int[][] rgbAcc = new int[3][SPAN];
		final int[][] rgbR = new int[3][SPAN];
	}

	private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

	/** {@code acc[k] += r[k]^2} for 8-bit data (each square at most 1020^2), vectorised by C2. */
	private static void square(final int[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++)
			acc[k] += r[k] * r[k];
	}

	/** {@code acc[k] += r[k]^2}, exactly (each square below 2^37), in a loop C2 vectorizes. */
	private static void square(final double[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++) {
			final double v = r[k];
			acc[k] += v * v;
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

	/** The residuals of pixels {@code [start, start + n)} of plane {@code s} into {@code r}. */
	private void residuals(final Samples s, final int start, final int n, final int[] r) {
		final int d = reach;
		for (int i = start; i < start + n;) {
			final int y = i / width;
			final int end = Math.min(start + n, (y + 1) * width);
			final boolean innerRow = y >= d && y < height - d;
			final int innerFrom = innerRow ? Math.min(end, Math.max(i, y * width + d)) : end;
			final int innerTo = innerRow ? Math.max(innerFrom, Math.min(end, (y + 1) * width - d))
				: end;
			for (int k = i; k < innerFrom; k++)
				r[k - start] = (int) edgeResidual(s, k - y * width, y);
			if (s instanceof Shorts) inner(((Shorts) s).v, r, start, innerFrom, innerTo);
			else if (s instanceof Bytes) inner(((Bytes) s).v, r, start, innerFrom, innerTo);
			else inner(((RgbChannel) s).v, ((RgbChannel) s).shift, r, start, innerFrom, innerTo);
			for (int k = innerTo; k < end; k++)
				r[k - start] = (int) edgeResidual(s, k - y * width, y);
			i = end;
		}
	}

	private void inner(final short[] v, final int[] r, final int start, final int from,
		final int to)
	{
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++)
			r[i - start] = 4 * (v[i] & 0xffff) - (v[i - d] & 0xffff) - (v[i + d] & 0xffff) - (v[i -
				dw] & 0xffff) - (v[i + dw] & 0xffff);
	}

	private void inner(final byte[] v, final int[] r, final int start, final int from,
		final int to)
	{
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++)
			r[i - start] = 4 * (v[i] & 0xff) - (v[i - d] & 0xff) - (v[i + d] & 0xff) - (v[i - dw] &
				0xff) - (v[i + dw] & 0xff);
	}

	private void inner(final int[] v, final int shift, final int[] r, final int start,
		final int from, final int to)
	{
		final int d = reach, dw = reach * width;
		for (int i = from; i < to; i++)
			r[i - start] = 4 * (v[i] >> shift & 0xff) - (v[i - d] >> shift & 0xff) - (v[i + d] >> shift &
				0xff) - (v[i - dw] >> shift & 0xff) - (v[i + dw] >> shift & 0xff);
	}


	private long edgeResidual(final Samples s, final int x, final int y) {
		final int row = y * width;
		return 4L * s.at(row + x) - s.at(row + neighbour(x, -reach, width)) - s.at(row + neighbour(x,
			reach, width)) - s.at(neighbour(y, -reach, height) * width + x) - s.at(neighbour(y, reach,
				height) * width + x);
	}

	/**
	 * Float residuals of pixels {@code [from, to)}, row by row (interior pixels with direct
	 * offsets, edge pixels through {@link #neighbour}), into Welford's update.
	 */
	private void accumulateFloat(final float[] v, final int offset, final int from, final int to) {
		final int d = reach, dw = reach * width;
		for (int start = from; start < to;) {
			final int y = start / width;
			final int end = Math.min(to, (y + 1) * width);
			final boolean innerRow = y >= d && y < height - d;
			final int innerFrom = innerRow ? Math.min(end, Math.max(start, y * width + d)) : end;
			final int innerTo = innerRow ? Math.max(innerFrom, Math.min(end, (y + 1) * width - d))
				: end;
			for (int i = start; i < innerFrom; i++)
				update(offset + i, edgeResidual(v, i - y * width, y));
			for (int i = innerFrom; i < innerTo; i++)
				update(offset + i, 4.0 * v[i] - v[i - d] - v[i + d] - v[i - dw] - v[i + dw]);
			for (int i = innerTo; i < end; i++)
				update(offset + i, edgeResidual(v, i - y * width, y));
			start = end;
		}
	}

	private double edgeResidual(final float[] v, final int x, final int y) {
		final int row = y * width;
		return 4.0 * v[row + x] - v[row + neighbour(x, -reach, width)] - v[row + neighbour(x, reach,
			width)] - v[neighbour(y, -reach, height) * width + x] - v[neighbour(y, reach, height) *
				width + x];
	}

	/** Adds residual {@code r} to the shifted sums of sample {@code o}, skipped if not finite. */
	private void update(final int o, final double r) {
		if (Double.isNaN(r) || Double.isInfinite(r)) return;
		if (count[o] == 0) shift[o] = (float) r;
		final double d = r - shift[o];
		s1[o] += d;
		s2[o] += d * d;
		count[o]++;
	}

	/** Adds {@code other}'s residuals (same shape and reach) as if its frames had been added. */
	void merge(final ResidualStatistics other) {
		if (other.reach != reach) throw new IllegalArgumentException("Cannot merge residuals of reach " +
			other.reach + " into reach " + reach);
		if (exact()) {
			if (other.carried != null || framesInRecent + other.framesInRecent > safeFrames) {
				carry();
				for (int i = 0; i < carried.length; i++)
					carried[i] += other.squares(i);
			}
			else {
				if (recent != null) for (int i = 0; i < recent.length; i++)
					recent[i] += other.recent[i];
				else for (int i = 0; i < recentInt.length; i++)
					recentInt[i] += other.recentInt[i];
				framesInRecent += other.framesInRecent;
			}
			return;
		}
		for (int i = 0; i < count.length; i++) {
			final long nb = other.count[i];
			if (nb == 0) continue;
			if (count[i] == 0) {
				shift[i] = other.shift[i];
				s1[i] = other.s1[i];
				s2[i] = other.s2[i];
			}
			else { // the other's sums moved to this shift
				final double delta = (double) other.shift[i] - shift[i];
				s2[i] += other.s2[i] + 2 * delta * other.s1[i] + nb * delta * delta;
				s1[i] += other.s1[i] + nb * delta;
			}
			count[i] += (int) nb;
		}
	}

	/** Float data: mean of the residual {@code r} of sample {@code i} (NaN without samples). */
	double floatSumMean(final int i) {
		return count[i] == 0 ? Double.NaN : shift[i] + s1[i] / count[i];
	}

	/** Float data: sum of squared deviations of {@code r} from its mean, sample {@code i}. */
	double floatM2(final int i) {
		return count[i] == 0 ? 0 : Math.max(0, s2[i] - s1[i] * s1[i] / count[i]);
	}

	/** Float data: restores sample {@code i} from its count, mean and sum of squared deviations. */
	void restoreFloat(final int i, final int n, final double mean, final double m2) {
		count[i] = n;
		shift[i] = (float) mean;
		s1[i] = n * (mean - shift[i]);
		s2[i] = m2 + (n == 0 ? 0 : s1[i] * s1[i] / n);
	}

	/** Float data: number of samples in the arrays. */
	int floatSize() {
		return count.length;
	}

	/** Float data: mean of {@code r / 4} of sample {@code i}, NaN without valid residuals. */
	double floatMean(final int i) {
		return floatSumMean(i) / 4;
	}

	/** Float data: sample variance of {@code r / 4} of sample {@code i}. */
	double floatVariance(final int i) {
		return count[i] < 2 ? Double.NaN : floatM2(i) / (16.0 * (count[i] - 1));
	}

	/** Float data: number of frames with a valid residual at sample {@code i}. */
	long floatCount(final int i) {
		return count[i];
	}
}

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
	 * 16-bit data: the squared residual split exactly into three int sums since the last carry:
	 * with {@code |r| = h 2^9 + l} ({@code |r| < 2^18}, so {@code h, l < 2^9}), the sums of
	 * {@code h^2}, {@code h l} and {@code l^2}, each below 2^18 per frame, so that
	 * {@link #SAFE_FRAMES} frames fit; {@code r^2 = h^2 2^18 + h l 2^10 + l^2}. Int sums keep the
	 * kernels in SIMD code (C2 does not vectorize int-to-long or int-to-double conversions).
	 */
	private final int[] high, mixed, low;
	/**
	 * 8-bit and RGB data: the sum of r^2 in ints (r^2 is at most 1020^2, so
	 * {@link #SAFE_FRAMES_8} frames fit): 4 bytes per sample.
	 */
	private final int[] recentInt;
	/** Frames the recent sums hold exactly. */
	private final int safeFrames;
	/** Integer data: sums carried out of the int sums; null until a series outgrows them. */
	private long[] carried;
	/** Frames in the int sums since the last carry. */
	private int framesInRecent;
	/** Frames whose split squared residuals of 16-bit data (each part below 2^18) fit an int. */
	static final int SAFE_FRAMES = 8191;
	/** Frames whose squared residuals of 8-bit data (each at most 1020^2) sum exactly in an int. */
	static final int SAFE_FRAMES_8 = 2_000;
	/** Float data: valid residuals, their shift K, and sums of r - K and (r - K)^2, per sample. */
	private final int[] count;
	private final float[] shift;
	private final double[] s1, s2;

	ResidualStatistics(final PixelType type, final int width, final int height, final int channels,
		final int reach)
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
			high = wide ? new int[size] : null;
			mixed = wide ? new int[size] : null;
			low = wide ? new int[size] : null;
			recentInt = wide ? null : new int[size];
			safeFrames = wide ? SAFE_FRAMES : SAFE_FRAMES_8;
			count = null;
			shift = null;
			s1 = s2 = null;
		}
		else {
			high = mixed = low = null;
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
		return high != null || recentInt != null;
	}

	private int samples() {
		return high != null ? high.length : recentInt.length;
	}

	private long recent(final int i) {
		return high != null ? ((long) high[i] << 18) + ((long) mixed[i] << 10) + low[i] : recentInt[i];
	}

	private void clearRecent(final int i) {
		if (high != null) high[i] = mixed[i] = low[i] = 0;
		else recentInt[i] = 0;
	}

	/** Exact sum of the squared residuals {@code r} of sample {@code i} (integer data). */
	long squares(final int i) {
		return (carried == null ? 0 : carried[i]) + recent(i);
	}

	/** {@link #squares} of samples {@code from} to {@code from + n - 1} into {@code out}. */
	void squares(final int from, final int n, final long[] out) {
		if (high != null) for (int k = 0; k < n; k++)
			out[k] = ((long) high[from + k] << 18) + ((long) mixed[from + k] << 10) + low[from + k];
		else for (int k = 0; k < n; k++)
			out[k] = recentInt[from + k];
		if (carried != null) for (int k = 0; k < n; k++)
			out[k] += carried[from + k];
	}

	/** Restores the saved sum of squared residuals of sample {@code i} (integer data). */
	void restoreSquares(final int i, final long value) {
		if (carried == null) carried = new long[samples()];
		carried[i] = value;
		clearRecent(i);
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
		if (high != null) {
			java.util.Arrays.fill(high, 0);
			java.util.Arrays.fill(mixed, 0);
			java.util.Arrays.fill(low, 0);
		}
		else java.util.Arrays.fill(recentInt, 0);
		framesInRecent = 0;
	}

	/**
	 * Accumulates plane {@code p} of every frame over the tile of columns {@code [x0, x1)} and
	 * rows {@code [y0, y1)}. Integer data: frame by frame, the tile's rows and the {@link #reach}
	 * rows around it are widened once into int rows that reach {@code reach} columns past the tile
	 * on either side (mirrored at the image edges like {@link #neighbour}); the neighbours are then
	 * aligned copies of those rows, so that every kernel indexes its arrays alike and C2 turns it
	 * into SIMD code; the squared residuals go into the tile's sums, held in scratch rows for the
	 * whole batch.
	 */
	void accumulate(final Object[][] planes, final int p, final int x0, final int x1, final int y0,
		final int y1)
	{
		if (type == PixelType.GRAY32) accumulateFloat(planes, p, x0, x1, y0, y1, null);
		else accumulate(planes, p, x0, x1, y0, y1, null);
	}

	/** The float pixel statistics' kernels, run on the rows that the residuals widened. */
	interface FloatRowKernels {

		/** Adds frame {@code f} of the batch, tile row {@code y}, as {@code n} doubles. */
		void add(int f, int y, double[] row, int n);
	}

	/**
	 * The pixel statistics' own kernels, run on the rows that the residuals widened: one pass over
	 * each frame for both.
	 */
	interface RowKernels {

		/**
		 * Adds {@code count} frames (1 to 4) of tile row {@code y}, columns {@code x0} on, as int
		 * rows {@code a, b, c, d} of {@code n} samples (only the first {@code count} are valid).
		 */
		void add(int y, int[] a, int[] b, int[] c, int[] d, int count, int n);
	}

	/**
	 * Integer data over a tile, also running {@code kernels} (grey data only) on the widened rows
	 * of every frame, four frames at a time.
	 */
	void accumulate(final Object[][] planes, final int p, final int x0, final int x1, final int y0,
		final int y1, final RowKernels kernels)
	{
		final int n = x1 - x0, rows = y1 - y0, d = reach;
		final int top = Math.max(0, y0 - d), bottom = Math.min(height, y1 + d);
		final int colours = type == PixelType.RGB ? 3 : 1;
		final int parts = high != null ? 3 : 1;
		final int group = kernels == null ? 1 : 4;
		final int[][] sums = high != null ? new int[][]{ high, mixed, low } : new int[][]{ recentInt };
		final Tile t = TILES.get();
		t.fit(group, colours, bottom - top, n + 2 * d, colours * rows * parts);
		for (int c = 0; c < colours; c++)
			for (int y = y0; y < y1; y++)
				for (int k = 0; k < parts; k++)
					System.arraycopy(sums[k], (colours * p + c) * planeSize + y * width + x0, t.acc[(c *
						rows + y - y0) * parts + k], 0, n);
		for (int f0 = 0; f0 < planes.length; f0 += group) {
			final int count = Math.min(group, planes.length - f0);
			for (int g = 0; g < count; g++)
				for (int y = top; y < bottom; y++)
					widen(planes[f0 + g][p], y, x0, n, t, g, y - top);
			for (int c = 0; c < colours; c++)
				for (int y = y0; y < y1; y++) {
					final int a = (c * rows + y - y0) * parts;
					for (int g = 0; g < count; g++) {
						final int[][] centre = t.centre[g][c];
						final int[] row = t.wide[g][c][y - top];
						System.arraycopy(row, 0, t.left, 0, n);
						System.arraycopy(row, 2 * d, t.right, 0, n);
						absResidual(t.rs[g], centre[y - top], t.left, t.right, centre[neighbour(y, -d, height) -
							top], centre[neighbour(y, d, height) - top], n);
					}
					final int[][] r = t.rs;
					if (count == 4 && parts == 1) square(t.acc[a], r[0], r[1], r[2], r[3], n);
					else if (count == 4) {
						squareHigh(t.acc[a], r[0], r[1], r[2], r[3], n);
						squareMixed(t.acc[a + 1], r[0], r[1], r[2], r[3], n);
						squareLow(t.acc[a + 2], r[0], r[1], r[2], r[3], n);
					}
					else for (int g = 0; g < count; g++)
						if (parts == 1) square(t.acc[a], r[g], n);
						else {
							squareHigh(t.acc[a], r[g], n);
							squareMixed(t.acc[a + 1], r[g], n);
							squareLow(t.acc[a + 2], r[g], n);
						}
					if (kernels != null) {
						final int j = y - top;
						kernels.add(y, t.centre[0][c][j], t.centre[1][c][j], t.centre[2][c][j],
							t.centre[3][c][j], count, n);
					}
				}
		}
		for (int c = 0; c < colours; c++)
			for (int y = y0; y < y1; y++)
				for (int k = 0; k < parts; k++)
					System.arraycopy(t.acc[(c * rows + y - y0) * parts + k], 0, sums[k], (colours * p + c) *
						planeSize + y * width + x0, n);
	}

	/**
	 * Row {@code y} of {@code plane}, columns {@code x0 - reach} to {@code x0 + n + reach}, as
	 * ints into the tile's wide rows (one per colour) and the columns of the tile alone into its
	 * centre rows.
	 */
	private void widen(final Object plane, final int y, final int x0, final int n, final Tile tile,
		final int g, final int slot)
	{
		final Tile.Slot t = tile.slot(g);
		final int d = reach, length = n + 2 * d, row = y * width;
		final int from = Math.max(0, x0 - d), to = Math.min(width, x0 + n + d);
		final int at = from - (x0 - d);
		if (type == PixelType.RGB) {
			final int[] packed = tile.packed, v = (int[]) plane;
			System.arraycopy(v, row + from, packed, at, to - from);
			for (int k = 0; k < at; k++)
				packed[k] = v[row + mirror(x0 - d + k)];
			for (int k = at + to - from; k < length; k++)
				packed[k] = v[row + mirror(x0 - d + k)];
			final int[] red = t.wide[0][slot], green = t.wide[1][slot], blue = t.wide[2][slot];
			for (int k = 0; k < length; k++) // one loop per channel, constant shifts: see RgbKernels
				red[k] = packed[k] >> 16 & 0xff;
			for (int k = 0; k < length; k++)
				green[k] = packed[k] >> 8 & 0xff;
			for (int k = 0; k < length; k++)
				blue[k] = packed[k] & 0xff;
			for (int c = 0; c < 3; c++)
				System.arraycopy(t.wide[c][slot], d, t.centre[c][slot], 0, n);
			return;
		}
		final int[] out = t.wide[0][slot];
		if (type == PixelType.GRAY16) {
			final short[] v = (short[]) plane;
			for (int k = 0; k < to - from; k++)
				out[at + k] = v[row + from + k] & 0xffff;
			for (int k = 0; k < at; k++)
				out[k] = v[row + mirror(x0 - d + k)] & 0xffff;
			for (int k = at + to - from; k < length; k++)
				out[k] = v[row + mirror(x0 - d + k)] & 0xffff;
		}
		else {
			final byte[] v = (byte[]) plane;
			for (int k = 0; k < to - from; k++)
				out[at + k] = v[row + from + k] & 0xff;
			for (int k = 0; k < at; k++)
				out[k] = v[row + mirror(x0 - d + k)] & 0xff;
			for (int k = at + to - from; k < length; k++)
				out[k] = v[row + mirror(x0 - d + k)] & 0xff;
		}
		System.arraycopy(out, d, t.centre[0][slot], 0, n);
	}

	/**
	 * The column whose value stands in for column {@code x}, outside the image, as the neighbour
	 * of the one pixel that reaches it ({@link #neighbour}); 0 where no pixel does.
	 */
	private int mirror(final int x) {
		final int pixel = x < 0 ? x + reach : x - reach;
		if (pixel < 0 || pixel >= width) return 0;
		return neighbour(pixel, x < 0 ? -reach : reach, width);
	}

	/** {@code |4 c - l - r - u - d|}, one row, in SIMD code. */
	private static void absResidual(final int[] out, final int[] c, final int[] l, final int[] r,
		final int[] u, final int[] d, final int n)
	{
		for (int k = 0; k < n; k++) {
			final int v = 4 * c[k] - l[k] - r[k] - u[k] - d[k], sign = v >> 31;
			out[k] = (v ^ sign) - sign;
		}
	}

	/** {@code acc[k] += r[k]^2} for 8-bit data (each square at most 1020^2). */
	private static void square(final int[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++)
			acc[k] += r[k] * r[k];
	}

	/** Four frames' squared residuals at once: one load and store of the sums for four. */
	private static void square(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int k = 0; k < n; k++)
			acc[k] += a[k] * a[k] + b[k] * b[k] + c[k] * c[k] + d[k] * d[k];
	}

	private static void squareHigh(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int k = 0; k < n; k++)
			acc[k] += (a[k] >>> 9) * (a[k] >>> 9) + (b[k] >>> 9) * (b[k] >>> 9) + (c[k] >>> 9) *
				(c[k] >>> 9) + (d[k] >>> 9) * (d[k] >>> 9);
	}

	private static void squareMixed(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int k = 0; k < n; k++)
			acc[k] += (a[k] >>> 9) * (a[k] & 511) + (b[k] >>> 9) * (b[k] & 511) + (c[k] >>> 9) * (c[k] &
				511) + (d[k] >>> 9) * (d[k] & 511);
	}

	private static void squareLow(final int[] acc, final int[] a, final int[] b, final int[] c,
		final int[] d, final int n)
	{
		for (int k = 0; k < n; k++)
			acc[k] += (a[k] & 511) * (a[k] & 511) + (b[k] & 511) * (b[k] & 511) + (c[k] & 511) * (c[k] &
				511) + (d[k] & 511) * (d[k] & 511);
	}

	/** Sums of {@code h^2} of {@code |r| = h 2^9 + l}: see {@link #high}. */
	private static void squareHigh(final int[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++) {
			final int h = r[k] >>> 9;
			acc[k] += h * h;
		}
	}

	private static void squareMixed(final int[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++)
			acc[k] += (r[k] >>> 9) * (r[k] & 511);
	}

	private static void squareLow(final int[] acc, final int[] r, final int n) {
		for (int k = 0; k < n; k++) {
			final int l = r[k] & 511;
			acc[k] += l * l;
		}
	}

	/** Per-thread scratch rows of {@link #accumulate}, grown to the largest tile seen. */
	private static final class Tile {

		/**
		 * Per frame of a group, colour and row read: the row past the tile's sides, and the tile's
		 * columns alone.
		 */
		int[][][][] wide = new int[4][3][0][], centre = new int[4][3][0][];
		int[] packed = new int[0], left = packed, right = packed;
		/** Residuals of each frame of a group. */
		int[][] rs = new int[4][0];
		int[][] acc = new int[0][];

		/** A view of frame {@code g}'s rows, for {@link #widen}. */
		final class Slot {

			final int[][][] wide, centre;

			Slot(final int g) {
				wide = Tile.this.wide[g];
				centre = Tile.this.centre[g];
			}
		}

		Slot slot(final int g) {
			return new Slot(g);
		}

		void fit(final int group, final int colours, final int rowsRead, final int length,
			final int accRows)
		{
			if (packed.length < length || wide[group - 1][colours - 1].length < rowsRead) {
				final int len = Math.max(length, packed.length);
				for (int g = 0; g < 4; g++)
					for (int c = 0; c < 3; c++) {
						final boolean used = g < group && c < colours;
						final int rows = Math.max(used ? rowsRead : 0, wide[g][c].length);
						wide[g][c] = new int[rows][len];
						centre[g][c] = new int[rows][len];
					}
				packed = new int[len];
				left = new int[len];
				right = new int[len];
				rs = new int[4][len];
				acc = new int[0][];
			}
			if (acc.length < accRows || acc.length > 0 && acc[0].length < packed.length) acc =
				new int[accRows][packed.length];
		}
	}

	private static final ThreadLocal<Tile> TILES = ThreadLocal.withInitial(Tile::new);

	/**
	 * Float data over a tile, like the integer tiles: each frame's rows widened once into double
	 * rows with a mirrored margin, the residual from aligned rows and its shifted sums, all in
	 * branch-free loops. A tile whose sums come out non-finite met a NaN or infinite value and is
	 * added again sample by sample ({@link #accumulateFloat(float[], int, int, int)}). Runs
	 * {@code kernels}, if not null, on each frame's widened rows of the tile.
	 */
	void accumulateFloat(final Object[][] planes, final int p, final int x0, final int x1,
		final int y0, final int y1, final FloatRowKernels kernels)
	{
		final int n = x1 - x0, rows = y1 - y0, d = reach, base = p * planeSize;
		final int top = Math.max(0, y0 - d), bottom = Math.min(height, y1 + d);
		final FloatTile t = FLOAT_TILES.get();
		t.fit(bottom - top, n + 2 * d, rows);
		for (int y = y0; y < y1; y++) {
			final int o = base + y * width + x0, j = y - y0;
			System.arraycopy(s1, o, t.sum[j], 0, n);
			System.arraycopy(s2, o, t.squares[j], 0, n);
			for (int i = 0; i < n; i++)
				t.shift[j][i] = shift[o + i];
		}
		for (int f = 0; f < planes.length; f++) {
			final float[] v = (float[]) planes[f][p];
			for (int y = top; y < bottom; y++)
				widen(v, y, x0, n, t.wide[y - top], t.centre[y - top]);
			for (int y = y0; y < y1; y++) {
				final double[] row = t.wide[y - top], r = t.r, k = t.shift[y - y0];
				if (kernels != null) kernels.add(f, y, t.centre[y - top], n);
				System.arraycopy(row, 0, t.left, 0, n);
				System.arraycopy(row, 2 * d, t.right, 0, n);
				residual(r, t.centre[y - top], t.left, t.right, t.centre[neighbour(y, -d, height) - top],
					t.centre[neighbour(y, d, height) - top], n);
				if (f == 0) { // a new pixel is shifted by its first residual
					final int o = base + y * width + x0;
					for (int i = 0; i < n; i++)
						if (count[o + i] == 0) k[i] = (float) r[i];
				}
				for (int i = 0; i < n; i++)
					r[i] -= k[i];
				final double[] sum = t.sum[y - y0], squares = t.squares[y - y0];
				for (int i = 0; i < n; i++)
					sum[i] += r[i];
				for (int i = 0; i < n; i++)
					squares[i] += r[i] * r[i];
			}
		}
		if (!ShiftedSums.finite(t.sum, rows, n)) {
			for (int y = y0; y < y1; y++)
				for (final Object[] frame : planes)
					accumulateFloat((float[]) frame[p], base, y * width + x0, y * width + x1);
			return;
		}
		for (int y = y0; y < y1; y++) {
			final int o = base + y * width + x0, j = y - y0;
			System.arraycopy(t.sum[j], 0, s1, o, n);
			System.arraycopy(t.squares[j], 0, s2, o, n);
			for (int i = 0; i < n; i++) {
				shift[o + i] = (float) t.shift[j][i];
				count[o + i] += planes.length;
			}
		}
	}

	/** Row {@code y}, columns {@code x0 - reach} to {@code x0 + n + reach}, as doubles. */
	private void widen(final float[] v, final int y, final int x0, final int n, final double[] out,
		final double[] centre)
	{
		final int d = reach, length = n + 2 * d, row = y * width;
		final int from = Math.max(0, x0 - d), to = Math.min(width, x0 + n + d);
		final int at = from - (x0 - d);
		for (int k = 0; k < to - from; k++)
			out[at + k] = v[row + from + k];
		for (int k = 0; k < at; k++)
			out[k] = v[row + mirror(x0 - d + k)];
		for (int k = at + to - from; k < length; k++)
			out[k] = v[row + mirror(x0 - d + k)];
		System.arraycopy(out, d, centre, 0, n);
	}

	/** {@code 4 c - l - r - u - d} in the order of {@link #edgeResidual(float[], int, int)}. */
	private static void residual(final double[] out, final double[] c, final double[] l,
		final double[] r, final double[] u, final double[] d, final int n)
	{
		for (int k = 0; k < n; k++)
			out[k] = 4.0 * c[k] - l[k] - r[k] - u[k] - d[k];
	}

	/** Per-thread scratch rows of the float tiles. */
	private static final class FloatTile {

		double[][] wide = new double[0][], centre = wide, sum = wide, squares = wide, shift = wide;
		double[] left = new double[0], right = left, r = left;

		void fit(final int rowsRead, final int length, final int rows) {
			if (left.length < length || wide.length < rowsRead || sum.length < rows) {
				final int len = Math.max(length, left.length);
				final int read = Math.max(rowsRead, wide.length), tile = Math.max(rows, sum.length);
				wide = new double[read][len];
				centre = new double[read][len];
				sum = new double[tile][len];
				squares = new double[tile][len];
				shift = new double[tile][len];
				left = new double[len];
				right = new double[len];
				r = new double[len];
			}
		}
	}

	private static final ThreadLocal<FloatTile> FLOAT_TILES = ThreadLocal.withInitial(FloatTile::new);

	/**
	 * Float residuals of pixels {@code [from, to)}, row by row (interior pixels with direct
	 * offsets, edge pixels through {@link #neighbour}), into the shifted sums.
	 */
	private void accumulateFloat(final float[] v, final int offset, final int from, final int to) {
		final int d = reach, dw = reach * width;
		for (int start = from; start < to;) {
			final int y = start / width;
			final int end = Math.min(to, (y + 1) * width);
			final boolean innerRow = y >= d && y < height - d;
			final int innerFrom = innerRow ? Math.min(end, Math.max(start, y * width + d)) : end;
			final int innerTo = innerRow ? Math.max(innerFrom, Math.min(end, (y + 1) * width - d)) : end;
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
		if (other.reach != reach) throw new IllegalArgumentException(
			"Cannot merge residuals of reach " + other.reach + " into reach " + reach);
		if (exact()) {
			if (other.carried != null || framesInRecent + other.framesInRecent > safeFrames) {
				carry();
				for (int i = 0; i < carried.length; i++)
					carried[i] += other.squares(i);
			}
			else {
				if (high != null) for (int i = 0; i < high.length; i++) {
					high[i] += other.high[i];
					mixed[i] += other.mixed[i];
					low[i] += other.low[i];
				}
				else for (int i = 0; i < recentInt.length; i++)
					recentInt[i] += other.recentInt[i];
				framesInRecent += other.framesInRecent;
			}
			return;
		}
		for (int i = 0; i < count.length; i++)
			ShiftedSums.merge(i, count, shift, s1, s2, other.count, other.shift, other.s1, other.s2);
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

package org.hotpixels.stats;

/**
 * The inner loops of packed RGB statistics ({@code 0xRRGGBB} ints), shaped for C2's SIMD code
 * like {@link IntKernels}: a channel is taken out of the packed samples by a shift and a mask, and
 * minima and maxima of all three channels are kept packed in one int per pixel, updated with
 * SWAR arithmetic (each 8-bit field compared through a guard bit above it), so one loop and one
 * array serve three channels. Each kernel adds four frames ({@code a, b, c, d}) or one.
 */
final class RgbKernels {

	/** The packed minimum before any sample, and the packed maximum. */
	static final int ALL_WHITE = 0xffffff;

	private RgbKernels() {}

	/**
	 * Adds channel {@code channel} (0 red, 1 green, 2 blue). Each channel has its own loop with a
	 * constant shift: C2 of JDK 17 miscompiles the vectorized loop with a variable shift count
	 * when it is inlined more than once (red and green came out shifted by 0).
	 */
	static void sum(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int channel, final int n)
	{
		if (channel == 0) for (int i = 0; i < n; i++)
			acc[i] += (a[i] >> 16 & 0xff) + (b[i] >> 16 & 0xff) + (c[i] >> 16 & 0xff) + (d[i] >> 16 &
				0xff);
		else if (channel == 1) for (int i = 0; i < n; i++)
			acc[i] += (a[i] >> 8 & 0xff) + (b[i] >> 8 & 0xff) + (c[i] >> 8 & 0xff) + (d[i] >> 8 & 0xff);
		else for (int i = 0; i < n; i++)
			acc[i] += (a[i] & 0xff) + (b[i] & 0xff) + (c[i] & 0xff) + (d[i] & 0xff);
	}

	static void sum(final int[] acc, final int[] a, final int channel, final int n) {
		if (channel == 0) for (int i = 0; i < n; i++)
			acc[i] += a[i] >> 16 & 0xff;
		else if (channel == 1) for (int i = 0; i < n; i++)
			acc[i] += a[i] >> 8 & 0xff;
		else for (int i = 0; i < n; i++)
			acc[i] += a[i] & 0xff;
	}

	/** Adds the squares of channel {@code channel}, with constant shifts as in {@link #sum}. */
	static void squares(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int channel, final int n)
	{
		if (channel == 0) for (int i = 0; i < n; i++)
			acc[i] += square(a[i] >> 16 & 0xff) + square(b[i] >> 16 & 0xff) + square(c[i] >> 16 & 0xff) +
				square(d[i] >> 16 & 0xff);
		else if (channel == 1) for (int i = 0; i < n; i++)
			acc[i] += square(a[i] >> 8 & 0xff) + square(b[i] >> 8 & 0xff) + square(c[i] >> 8 & 0xff) +
				square(d[i] >> 8 & 0xff);
		else for (int i = 0; i < n; i++)
			acc[i] += square(a[i] & 0xff) + square(b[i] & 0xff) + square(c[i] & 0xff) + square(d[i] &
				0xff);
	}

	static void squares(final int[] acc, final int[] a, final int channel, final int n) {
		if (channel == 0) for (int i = 0; i < n; i++)
			acc[i] += square(a[i] >> 16 & 0xff);
		else if (channel == 1) for (int i = 0; i < n; i++)
			acc[i] += square(a[i] >> 8 & 0xff);
		else for (int i = 0; i < n; i++)
			acc[i] += square(a[i] & 0xff);
	}

	private static int square(final int v) {
		return v * v;
	}

	static void min(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] = min(min(acc[i], a[i]), min(min(b[i], c[i]), d[i]));
	}

	static void min(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] = min(acc[i], a[i]);
	}

	static void max(final int[] acc, final int[] a, final int[] b, final int[] c, final int[] d,
		final int n)
	{
		for (int i = 0; i < n; i++)
			acc[i] = max(max(acc[i], a[i]), max(max(b[i], c[i]), d[i]));
	}

	static void max(final int[] acc, final int[] a, final int n) {
		for (int i = 0; i < n; i++)
			acc[i] = max(acc[i], a[i]);
	}

	/** Per-channel minimum of two packed RGB values; the top (alpha) byte is ignored and 0 after. */
	static int min(final int x, final int y) {
		final int xRB = x & 0xff00ff, yRB = y & 0xff00ff, xG = x & 0xff00, yG = y & 0xff00;
		final int rbAtLeast = (xRB | 0x1000100) - yRB >>> 8 & 0x10001; // 1 where x >= y
		final int rbMask = (rbAtLeast << 8) - rbAtLeast;
		final int gAtLeast = (xG | 0x10000) - yG >>> 16;
		final int gMask = (gAtLeast << 16) - (gAtLeast << 8);
		return yRB & rbMask | xRB & ~rbMask | yG & gMask | xG & ~gMask;
	}

	/** Per-channel maximum of two packed RGB values; the top (alpha) byte is ignored and 0 after. */
	static int max(final int x, final int y) {
		final int xRB = x & 0xff00ff, yRB = y & 0xff00ff, xG = x & 0xff00, yG = y & 0xff00;
		final int rbAtLeast = (xRB | 0x1000100) - yRB >>> 8 & 0x10001;
		final int rbMask = (rbAtLeast << 8) - rbAtLeast;
		final int gAtLeast = (xG | 0x10000) - yG >>> 16;
		final int gMask = (gAtLeast << 16) - (gAtLeast << 8);
		return xRB & rbMask | yRB & ~rbMask | xG & gMask | yG & ~gMask;
	}
}

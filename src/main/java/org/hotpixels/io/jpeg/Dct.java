package org.hotpixels.io.jpeg;

/**
 * The 8x8 DCT of JPEG in floating point (the reference formulas, separable): forward for
 * re-encoding a repaired block, inverse for the samples a repair looks at.
 */
final class Dct {

	/** C[u][x] = c(u)/2 cos((2x+1) u pi / 16). */
	private static final double[][] C = new double[8][8];

	static {
		for (int u = 0; u < 8; u++)
			for (int x = 0; x < 8; x++)
				C[u][x] = (u == 0 ? Math.sqrt(0.5) : 1) / 2 * Math.cos((2 * x + 1) * u * Math.PI / 16);
	}

	/** Natural-order index of each zig-zag position. */
	static final int[] ZIGZAG = { 0, 1, 8, 16, 9, 2, 3, 10, 17, 24, 32, 25, 18, 11, 4, 5, 12, 19, 26,
		33, 40, 48, 41, 34, 27, 20, 13, 6, 7, 14, 21, 28, 35, 42, 49, 56, 57, 50, 43, 36, 29, 22, 15,
		23, 30, 37, 44, 51, 58, 59, 52, 45, 38, 31, 39, 46, 53, 60, 61, 54, 47, 55, 62, 63 };

	private Dct() {}

	/** Samples (natural order, level-shifted by -128) to coefficients (natural order). */
	static void forward(final double[] in, final double[] out) {
		final double[] tmp = new double[64];
		for (int y = 0; y < 8; y++)
			for (int u = 0; u < 8; u++) {
				double s = 0;
				for (int x = 0; x < 8; x++)
					s += C[u][x] * in[y * 8 + x];
				tmp[y * 8 + u] = s;
			}
		for (int u = 0; u < 8; u++)
			for (int v = 0; v < 8; v++) {
				double s = 0;
				for (int y = 0; y < 8; y++)
					s += C[v][y] * tmp[y * 8 + u];
				out[v * 8 + u] = s;
			}
	}

	/** Coefficients (natural order) to samples (natural order, still level-shifted). */
	static void inverse(final double[] in, final double[] out) {
		final double[] tmp = new double[64];
		for (int v = 0; v < 8; v++)
			for (int x = 0; x < 8; x++) {
				double s = 0;
				for (int u = 0; u < 8; u++)
					s += C[u][x] * in[v * 8 + u];
				tmp[v * 8 + x] = s;
			}
		for (int y = 0; y < 8; y++)
			for (int x = 0; x < 8; x++) {
				double s = 0;
				for (int v = 0; v < 8; v++)
					s += C[v][y] * tmp[v * 8 + x];
				out[y * 8 + x] = s;
			}
	}
}

package org.hotpixels.stats;

/**
 * Merging shifted sums: per sample a count, a shift {@code K} (the first valid value) and the
 * sums of {@code v - K} and {@code (v - K)^2}. The other side's sums are moved to this side's
 * shift (Chan et al.), so a merge equals one pass over both.
 */
final class ShiftedSums {

	private ShiftedSums() {}

	/** Adds sample {@code i} of the other sums ({@code o...}) to sample {@code i} of these. */
	static void merge(final int i, final int[] count, final float[] shift, final double[] s1,
		final double[] s2, final int[] oCount, final float[] oShift, final double[] oS1,
		final double[] oS2)
	{
		final long nb = oCount[i], nn = count[i] + nb;
		if (nb == 0) return;
		if (nn > Integer.MAX_VALUE) throw new ArithmeticException("Too many samples");
		if (count[i] == 0) {
			shift[i] = oShift[i];
			s1[i] = oS1[i];
			s2[i] = oS2[i];
		}
		else { // the other's sums moved to this shift
			final double delta = (double) oShift[i] - shift[i];
			s2[i] += oS2[i] + 2 * delta * oS1[i] + nb * delta * delta;
			s1[i] += oS1[i] + nb * delta;
		}
		count[i] = (int) nn;
	}

	/**
	 * True if the first {@code n} sums of each of the first {@code rows} rows are finite: a tile's
	 * sums in vectorised loops, which fall back to the per-sample update where a value was NaN or
	 * infinite. (Multiplying by zero keeps the loop branch-free: NaN and infinities give NaN.)
	 */
	static boolean finite(final double[][] sums, final int rows, final int n) {
		double check = 0;
		for (int j = 0; j < rows; j++)
			for (int i = 0; i < n; i++)
				check += sums[j][i] * 0;
		return check == 0;
	}
}

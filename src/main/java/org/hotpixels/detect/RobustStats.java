package org.hotpixels.detect;

/** Small robust-statistics helpers on primitive arrays: in-place selection, median, MAD. */
final class RobustStats {

	/** Scale factor that turns a median absolute deviation into a Gaussian sigma. */
	static final double MAD_TO_SIGMA = 1.4826;

	private RobustStats() {}

	/** Median of {@code values[0..n)}; reorders them. NaN if n == 0. */
	static float median(final float[] values, final int n) {
		if (n == 0) return Float.NaN;
		final int k = n >> 1;
		final float upper = select(values, n, k);
		if ((n & 1) == 1) return upper;
		float lower = Float.NEGATIVE_INFINITY; // the largest of values[0..k) after selection
		for (int i = 0; i < k; i++)
			lower = Math.max(lower, values[i]);
		return (lower + upper) / 2;
	}

	/**
	 * Puts the k-th smallest of {@code a[0..n)} at index k, smaller ones before it, larger after
	 * (Hoare's quickselect with a median-of-three pivot), and returns it.
	 */
	static float select(final float[] a, final int n, final int k) {
		int lo = 0, hi = n - 1;
		while (hi > lo) {
			if (hi - lo < 8) {
				insertionSort(a, lo, hi);
				return a[k];
			}
			final int mid = (lo + hi) >>> 1;
			if (a[mid] < a[lo]) swap(a, mid, lo);
			if (a[hi] < a[lo]) swap(a, hi, lo);
			if (a[hi] < a[mid]) swap(a, hi, mid);
			final float pivot = a[mid];
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot)
					i++;
				while (a[j] > pivot)
					j--;
				if (i <= j) swap(a, i++, j--);
			}
			if (k <= j) hi = j;
			else if (k >= i) lo = i;
			else return a[k];
		}
		return a[k];
	}

	private static void insertionSort(final float[] a, final int lo, final int hi) {
		for (int i = lo + 1; i <= hi; i++) {
			final float v = a[i];
			int j = i - 1;
			while (j >= lo && a[j] > v) {
				a[j + 1] = a[j];
				j--;
			}
			a[j + 1] = v;
		}
	}

	private static void swap(final float[] a, final int i, final int j) {
		final float t = a[i];
		a[i] = a[j];
		a[j] = t;
	}

	/** Robust sigma (1.4826 x median absolute value) of {@code values[0..n)}; reorders them. */
	static float sigmaOfCentred(final float[] values, final int n) {
		for (int i = 0; i < n; i++)
			values[i] = Math.abs(values[i]);
		return (float) (MAD_TO_SIGMA * median(values, n));
	}
}

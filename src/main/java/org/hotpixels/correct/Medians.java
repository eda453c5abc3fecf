package org.hotpixels.correct;

/**
 * Medians of the first {@code n} values of a scratch array, sorted in place (insertion sort: the
 * arrays hold at most 48 values). An even count gives the mean of the two middle values, rounded
 * half up for integers.
 */
final class Medians {

	private Medians() {}

	static int median(final int[] v, final int n) {
		for (int i = 1; i < n; i++) {
			final int key = v[i];
			int j = i - 1;
			while (j >= 0 && v[j] > key) {
				v[j + 1] = v[j];
				j--;
			}
			v[j + 1] = key;
		}
		final int h = n >> 1;
		return (n & 1) == 1 ? v[h] : (v[h - 1] + v[h] + 1) >> 1;
	}

	static float median(final float[] v, final int n) {
		for (int i = 1; i < n; i++) {
			final float key = v[i];
			int j = i - 1;
			while (j >= 0 && v[j] > key) {
				v[j + 1] = v[j];
				j--;
			}
			v[j + 1] = key;
		}
		final int h = n >> 1;
		return (n & 1) == 1 ? v[h] : (float) (((double) v[h - 1] + v[h]) / 2);
	}
}

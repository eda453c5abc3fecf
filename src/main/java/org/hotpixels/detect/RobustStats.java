package org.hotpixels.detect;

/**
 * Small robust-statistics helpers on primitive arrays: in-place selection, median, MAD. Selection
 * is public for the result pictures' display ranges and histogram, which need a few quantiles of
 * a sample and not a sort.
 */
public final class RobustStats {

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
			lower = max(lower, values[i]);
		return (lower + upper) / 2;
	}

	/**
	 * {@link Math#max(float, float)} of two values that are not NaN (+0 above -0), by comparisons
	 * that the CPU predicts in a running maximum: Math.max's sequence for NaN and signed zeros is
	 * one long chain of dependent instructions per value.
	 */
	static float max(final float a, final float b) {
		return a > b ? a : b > a ? b : Float.floatToRawIntBits(a) == 0 ? a : b;
	}

	/**
	 * Puts the k-th smallest of {@code a[0..n)} at index k, smaller ones before it, larger after,
	 * and returns it. Quickselect whose partition has no data-dependent branch (each value is
	 * swapped to the front and the front advances by the comparison's 0 or 1): with values in
	 * random order half of a branchy partition's comparisons are mispredicted, which made
	 * selection 3 to 4 times slower. Pivots are the median of three, or on ranges above
	 * {@value #FLOYD_RIVEST} values Floyd and Rivest's (a sample's order statistic brackets the
	 * k-th value, so a large array is partitioned about 1.5 times and sorted runs stay linear).
	 * Values equal to the pivot are gathered when a partition barely shrinks the range (many
	 * ties). No NaN in {@code a}.
	 */
	public static float select(final float[] a, final int n, final int k) {
		select(a, 0, n - 1, k);
		return a[k];
	}

	/**
	 * {@link #select} within {@code a[from..n)}: the k-th smallest of those values (k counted
	 * from 0 at {@code from}) put at index {@code from + k} and returned. After a selection at k,
	 * the values above it are {@code a[k + 1..n)}, where a larger order statistic is selected next.
	 */
	static float selectFrom(final float[] a, final int from, final int n, final int k) {
		select(a, from, n - 1, from + k);
		return a[from + k];
	}

	/** Ranges above this size take their pivot from a sample ({@link #select}). */
	private static final int FLOYD_RIVEST = 600;
	/** Ranges up to this size are sorted by insertion. */
	private static final int SMALL = 12;

	/** The k-th smallest of {@code a[left..right]} to index k, partitioned about it. */
	private static void select(final float[] a, int left, int right, final int k) {
		while (right - left > SMALL) {
			if (right - left > FLOYD_RIVEST) {
				// Floyd and Rivest's SELECT (Algorithm 489): the k-th value of a sample's range that
				// holds it with high probability becomes the pivot, at index k
				final int size = right - left + 1, rank = k - left + 1;
				final double z = Math.log(size), s = 0.5 * Math.exp(2 * z / 3);
				final double sd = 0.5 * Math.sqrt(z * s * (size - s) / size) * Math.signum(rank - size /
					2.0);
				final int newLeft = (int) Math.max(left, Math.floor(k - rank * s / size + sd));
				final int newRight = (int) Math.min(right, Math.floor(k + (size - rank) * s / size + sd));
				select(a, newLeft, newRight, k);
				swap(a, k, right);
			}
			else medianOfThreeToEnd(a, left, (left + right) >>> 1, right);
			final float pivot = a[right];
			int front = left;
			for (int j = left; j < right; j++) {
				final float v = a[j];
				a[j] = a[front];
				a[front] = v;
				front += v < pivot ? 1 : 0;
			}
			a[right] = a[front];
			a[front] = pivot;
			if (k < front) right = front - 1;
			else if (k == front) return;
			else {
				final int before = right - left;
				left = front + 1;
				if (8 * (right - left) > 7 * before) {
					// barely shrunk: values equal to the pivot to the front of the rest, then past them
					int equal = left;
					for (int j = left; j <= right; j++) {
						final float v = a[j];
						a[j] = a[equal];
						a[equal] = v;
						equal += v == pivot ? 1 : 0;
					}
					if (k < equal) return;
					left = equal;
				}
			}
		}
		insertionSort(a, left, right);
	}

	/** Moves the median of {@code a[i], a[j], a[k]} to index k. */
	private static void medianOfThreeToEnd(final float[] a, final int i, final int j, final int k) {
		if (a[j] < a[i]) swap(a, i, j);
		if (a[k] < a[j]) {
			swap(a, j, k);
			if (a[j] < a[i]) swap(a, i, j);
		}
		swap(a, j, k);
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

	/**
	 * Robust sigma about zero of the finite values of {@code values} (a strided sample of at most
	 * a million of them); leaves {@code values} as they are. NaN if none is finite.
	 */
	static float sigmaOfCentredCopy(final float[] values) {
		return sigmaOfCentredCopy(values, 1_000_000);
	}

	/** {@link #sigmaOfCentredCopy(float[])} from a strided sample of at most {@code most} values. */
	static float sigmaOfCentredCopy(final float[] values, final int most) {
		final int stride = Math.max(1, values.length / most);
		final float[] sample = new float[(values.length + stride - 1) / stride];
		int n = 0;
		for (int i = 0; i < values.length; i += stride)
			if (Float.isFinite(values[i])) sample[n++] = values[i];
		return n == 0 ? Float.NaN : sigmaOfCentred(sample, n);
	}

	/**
	 * The standard normal quantile with the tail probability of Student's t-statistic {@code t}
	 * with {@code dof} degrees of freedom (Wallace's approximation, within 1% beyond |t| = 3), so
	 * that t-statistics from few frames and z-scores share one threshold.
	 */
	static double tToZ(final double t, final double dof) {
		if (!(dof > 0) || Double.isInfinite(dof) || dof > 1e7) return t;
		final double z = Math.sqrt(dof * Math.log1p(t * t / dof) * (1 - 1 / (2 * dof)));
		return t < 0 ? -z : z;
	}

	/**
	 * {@link #tToZ} to about 1e-5 relative error, without {@link Math#log1p}: for the many
	 * values of a map ({@link LineDetector}).
	 */
	static double fastTToZ(final double t, final double dof) {
		if (!(dof > 0) || Double.isInfinite(dof) || dof > 1e7) return t;
		return fastTToZ(t, dof, tailFactor(dof));
	}

	/**
	 * {@link #fastTToZ(double, double)} for a finite {@code dof} above 0 and at most 1e7, with its
	 * {@link #tailFactor} computed once by the caller (for a block of values with one dof).
	 */
	static double fastTToZ(final double t, final double dof, final double tailFactor) {
		final double u = t * t / dof;
		final double log1p = u < 1e-2 ? u * (1 - u * (0.5 - u * (1.0 / 3 - u * 0.25))) : fastLog(
			(float) (1 + u));
		final double z = Math.sqrt(dof * log1p * tailFactor);
		return t < 0 ? -z : z;
	}

	/** Wallace's correction {@code 1 - 1 / (2 dof)} of {@link #tToZ}. */
	static double tailFactor(final double dof) {
		return 1 - 1 / (2 * dof);
	}

	/**
	 * Natural logarithm of a positive finite float to about 1e-7 relative error, several times
	 * faster than {@link Math#log}: exponent from the bits, the mantissa's log from the series of
	 * 2 atanh(s). Zero, negative, infinite, NaN and subnormal input go to {@link Math#log}
	 * (callers add a positive epsilon first, so this does not happen in practice).
	 */
	static float fastLog(final float x) {
		final int bits = Float.floatToRawIntBits(x);
		// zero, negative, subnormal (below the smallest normal's bits), infinite or NaN
		if (bits < 0x00800000 || bits >= 0x7f800000) return (float) Math.log(x);
		// the mantissa m in [1/sqrt 2, sqrt 2): halved if above sqrt 2 (fraction bits above those of
		// 1.41421356f), the exponent raised by one. In integer arithmetic: no branch, which for
		// random values would be mispredicted half of the time (C2 kept one for a float ternary)
		final int fraction = bits & 0x7fffff;
		final int above = (0x3504f3 - fraction) >> 31; // -1 above sqrt 2, else 0
		final float m = Float.intBitsToFloat(fraction | 0x3f800000 + (above << 23));
		final int exponent = (bits >>> 23) - 127 - above;
		final float s = (m - 1) / (m + 1), s2 = s * s;
		return exponent * 0.6931471805599453f + 2 * s * (1 + s2 * (1f / 3 + s2 * (1f / 5 + s2 * (1f /
			7 + s2 * (1f / 9)))));
	}
}

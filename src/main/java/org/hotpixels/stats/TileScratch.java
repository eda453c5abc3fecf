package org.hotpixels.stats;

/**
 * Per-thread scratch rows of {@link #SPAN} ints for the integer kernels: frame samples widened
 * to int, and a span's accumulators copied out of the statistics. The kernels index everything
 * from 0 (C2 vectorizes a loop only when its arrays share one index), and 20 to 40 KB of rows stay
 * in the first-level cache while a batch of frames streams over them.
 *
 * <pre>{@code
 * TileScratch s = TileScratch.get();
 * int[] row = s.row(0), acc = s.row(4);
 * }</pre>
 */
final class TileScratch {

	/** Pixels per span: the unit of work inside a tile. */
	static final int SPAN = 1024;

	private static final ThreadLocal<TileScratch> PER_THREAD = ThreadLocal.withInitial(
		TileScratch::new);

	private int[][] rows = new int[0][];

	private TileScratch() {}

	static TileScratch get() {
		return PER_THREAD.get();
	}

	/** Scratch row {@code k}, of SPAN ints, not cleared. */
	int[] row(final int k) {
		if (k >= rows.length) {
			final int[][] more = java.util.Arrays.copyOf(rows, k + 1);
			for (int r = rows.length; r <= k; r++)
				more[r] = new int[SPAN];
			rows = more;
		}
		return rows[k];
	}
}

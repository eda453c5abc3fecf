package org.hotpixels.io;

import java.util.Arrays;
import java.util.List;

import org.hotpixels.detect.Defect;

/**
 * The distinct pixels that a list of defects covers, channels merged, sorted row by row: what
 * position-only formats (dcraw, RawTherapee, Siril) can express. Each pixel is one long,
 * {@code y << 32 | x}, so large lists need no boxing.
 */
final class PixelPositions {

	/** More pixels than any sensible defect list; guards against a box gone wild. */
	private static final long LIMIT = 100_000_000L;

	private PixelPositions() {}

	/**
	 * Every pixel of every defect's bounding box, once. Boxes must be finite: resolve whole
	 * columns and lines with {@link DefectLists#clip} first.
	 */
	static long[] of(final List<Defect> defects) {
		long total = 0;
		for (final Defect d : defects) {
			if (d.xMax() == DefectLists.IMAGE_EDGE || d.yMax() == DefectLists.IMAGE_EDGE)
				throw new IllegalArgumentException("The " + d +
					" runs to the image edge; clip the list to the image size first.");
			total += (long) Math.max(0, d.xMax() - d.xMin() + 1) * Math.max(0, d.yMax() - d.yMin() + 1);
		}
		if (total > LIMIT) throw new IllegalArgumentException("The defects cover " + total +
			" pixels, too many to list one by one.");
		final long[] keys = new long[(int) total];
		int n = 0;
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					keys[n++] = key(x, y);
		Arrays.sort(keys);
		int unique = 0;
		for (int i = 0; i < n; i++)
			if (unique == 0 || keys[i] != keys[unique - 1]) keys[unique++] = keys[i];
		return Arrays.copyOf(keys, unique);
	}

	static long key(final int x, final int y) {
		return (long) y << 32 | (x & 0xffffffffL);
	}

	static int x(final long key) {
		return (int) key;
	}

	static int y(final long key) {
		return (int) (key >>> 32);
	}
}

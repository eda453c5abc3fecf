package org.hotpixels.correct;

import java.util.Arrays;
import java.util.BitSet;

/**
 * For every defective pixel of every channel, the plane indices of the neighbours whose median
 * replaces it: the valid pixels (inside the image, not defective in that channel) of a square
 * window of radius 1, 2, then 3 steps, the first that holds at least {@code minNeighbours} of
 * them (or the widest one). A step is 1 pixel for ordinary images and 2 for a raw Bayer mosaic,
 * so that only same-colour sites are used. A pixel of a column segment takes no neighbour from
 * its own column (only from the same-colour columns beside it), a pixel of a row segment none
 * from its own row. Built once for a frame layout, used for every frame.
 */
final class NeighbourTable {

	/** Widest window radius, in steps: 7x7 pixels, or 13x13 sensor sites on a mosaic. */
	static final int MAX_RADIUS = 3;

	/** Entries {@code channelStart[c] .. channelStart[c + 1] - 1} belong to channel c. */
	final int[] channelStart;
	/** Plane index (y * width + x) of each defective pixel. */
	final int[] pixel;
	/** Neighbours of entry e are {@code neighbours[start[e] .. start[e + 1] - 1]}. */
	final int[] start;
	final int[] neighbours;
	/** Largest neighbour count of any entry: the size of a scratch buffer. */
	final int maxNeighbours;

	private NeighbourTable(final int[] channelStart, final int[] pixel, final int[] start,
		final int[] neighbours, final int maxNeighbours)
	{
		this.channelStart = channelStart;
		this.pixel = pixel;
		this.start = start;
		this.neighbours = neighbours;
		this.maxNeighbours = maxNeighbours;
	}

	static NeighbourTable build(final ChannelMasks masks, final int step, final int minNeighbours) {
		final int channels = masks.channels();
		final int[] channelStart = new int[channels + 1];
		final IntList pixels = new IntList();
		final IntList starts = new IntList();
		final IntList all = new IntList();
		final int[] window = new int[(2 * MAX_RADIUS + 1) * (2 * MAX_RADIUS + 1)];
		int maxNeighbours = 0;
		for (int c = 0; c < channels; c++) {
			channelStart[c] = pixels.size();
			final BitSet mask = masks.mask(c), columns = masks.columns(c), rows = masks.rows(c);
			for (int p = mask.nextSetBit(0); p >= 0; p = mask.nextSetBit(p + 1)) {
				final boolean column = columns.get(p), row = rows.get(p);
				int n = 0;
				for (int r = 1; r <= MAX_RADIUS && n < minNeighbours; r++)
					n = collect(p, r, step, mask, column, row, masks.width(), masks.height(), window);
				pixels.add(p);
				starts.add(all.size());
				for (int i = 0; i < n; i++)
					all.add(window[i]);
				maxNeighbours = Math.max(maxNeighbours, n);
			}
		}
		channelStart[channels] = pixels.size();
		starts.add(all.size());
		return new NeighbourTable(channelStart, pixels.toArray(), starts.toArray(), all.toArray(),
			maxNeighbours);
	}

	/**
	 * Writes the valid neighbours of pixel p within radius r into {@code out}; returns how many.
	 * {@code column} leaves out p's own column, {@code row} its own row.
	 */
	static int collect(final int p, final int r, final int step, final BitSet mask,
		final boolean column, final boolean row, final int width, final int height, final int[] out)
	{
		final int x = p % width, y = p / width;
		int n = 0;
		for (int dy = -r; dy <= r; dy++) {
			final int ny = y + dy * step;
			if (ny < 0 || ny >= height || (row && dy == 0)) continue;
			for (int dx = -r; dx <= r; dx++) {
				final int nx = x + dx * step;
				if (nx < 0 || nx >= width || (dx == 0 && (dy == 0 || column))) continue;
				final int q = ny * width + nx;
				if (!mask.get(q)) out[n++] = q;
			}
		}
		return n;
	}

	/** Number of defective pixels, over all channels. */
	int size() {
		return pixel.length;
	}

	/** Number of entries without any valid neighbour (they stay as they are). */
	int unrepairable() {
		int n = 0;
		for (int e = 0; e < pixel.length; e++)
			if (start[e + 1] == start[e]) n++;
		return n;
	}

	/** A growable int array, so that large defect lists need no boxing. */
	private static final class IntList {

		private int[] data = new int[64];
		private int size;

		void add(final int v) {
			if (size == data.length) data = Arrays.copyOf(data, size * 2);
			data[size++] = v;
		}

		int size() {
			return size;
		}

		int[] toArray() {
			return Arrays.copyOf(data, size);
		}
	}
}

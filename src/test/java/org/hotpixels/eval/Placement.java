package org.hotpixels.eval;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.demo.FastRandom;

/**
 * Random, well separated places for planted defects, so that each detection can be matched to
 * one planted defect without doubt (the demo package's own layout is not public).
 */
final class Placement {

	private static final int TRIES = 50000;

	private final FastRandom random;
	private final int width, height, separation;
	private final List<int[]> taken = new ArrayList<>();

	Placement(final FastRandom random, final int width, final int height, final int separation) {
		this.random = random;
		this.width = width;
		this.height = height;
		this.separation = separation;
	}

	/** Top-left {x, y} of a free block of {@code w x h} pixels, {@code margin} from the edges. */
	int[] place(final int w, final int h, final int margin) {
		for (int t = 0; t < TRIES; t++) {
			final int x = random.between(margin, width - margin - w);
			final int y = random.between(margin, height - margin - h);
			if (take(x, y, w, h)) return new int[]{ x, y };
		}
		throw new IllegalStateException("No free place for a " + w + "x" + h + " block");
	}

	/** {x, y} of a free pixel in the first or last column. */
	int[] placeOnEdge(final int margin) {
		for (int t = 0; t < TRIES; t++) {
			final int x = random.chance(0.5) ? 0 : width - 1;
			final int y = random.between(margin, height - margin - 1);
			if (take(x, y, 1, 1)) return new int[]{ x, y };
		}
		throw new IllegalStateException("No free place on the edge");
	}

	/** Marks a block as taken without checking (for defects placed by other means). */
	void reserve(final int x, final int y, final int w, final int h) {
		taken.add(new int[]{ x, y, x + w - 1, y + h - 1 });
	}

	/** True if a block would keep the separation from everything taken so far. */
	boolean isFree(final int x, final int y, final int w, final int h) {
		for (final int[] r : taken)
			if (x - separation <= r[2] && r[0] <= x + w - 1 + separation && y - separation <= r[3] &&
				r[1] <= y + h - 1 + separation) return false;
		return true;
	}

	FastRandom random() {
		return random;
	}

	private boolean take(final int x, final int y, final int w, final int h) {
		if (!isFree(x, y, w, h)) return false;
		reserve(x, y, w, h);
		return true;
	}
}

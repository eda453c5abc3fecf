package org.hotpixels.demo;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;

/**
 * Picks random, well separated places for the default planted defects, so that each detection
 * can be matched to one planted defect without doubt.
 */
final class DefectLayout {

	private static final int TRIES = 20000;

	private final FastRandom random;
	private final int width, height, separation;
	private final List<int[]> taken = new ArrayList<>();

	DefectLayout(final FastRandom random, final int width, final int height) {
		if (width < 32 || height < 32) throw new HotPixelsException("A " + width + "x" + height +
			" frame is too small for the default defects: use at least 32x32.");
		this.random = random;
		this.width = width;
		this.height = height;
		separation = Math.max(3, Math.min(10, Math.min(width, height) / 16));
	}

	/** Top-left {x, y} of a free block of {@code w x h} pixels, {@code margin} from the edges. */
	int[] place(final int w, final int h, final int margin) {
		for (int t = 0; t < TRIES; t++) {
			final int x = random.between(margin, width - margin - w);
			final int y = random.between(margin, height - margin - h);
			if (take(x, y, w, h)) return new int[]{ x, y };
		}
		throw tooSmall();
	}

	/** {x, y} of a free pixel in the first or last column. */
	int[] placeOnEdge(final int margin) {
		for (int t = 0; t < TRIES; t++) {
			final int x = random.chance(0.5) ? 0 : width - 1;
			final int y = random.between(margin, height - margin - 1);
			if (take(x, y, 1, 1)) return new int[]{ x, y };
		}
		throw tooSmall();
	}

	/** A uniform random number, for the defects' values. */
	double uniform(final double min, final double max) {
		return random.uniform(min, max);
	}

	int between(final int min, final int max) {
		return random.between(min, max);
	}

	private boolean take(final int x, final int y, final int w, final int h) {
		for (final int[] r : taken)
			if (x - separation <= r[2] && r[0] <= x + w - 1 + separation && y - separation <= r[3] &&
				r[1] <= y + h - 1 + separation) return false;
		taken.add(new int[]{ x, y, x + w - 1, y + h - 1 });
		return true;
	}

	private HotPixelsException tooSmall() {
		return new HotPixelsException("A " + width + "x" + height +
			" frame is too small for the default defects.");
	}
}

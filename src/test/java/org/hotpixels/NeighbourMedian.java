package org.hotpixels;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * An independent reference for a repaired pixel of a front-end test: the median of the valid
 * neighbours of (x, y) in the 3x3 window (sites {@code step} apart: 2 on a Bayer mosaic), i.e.
 * those inside the image and not in {@code defects}; an even count gives the mean of the two
 * middle values, rounded half up. Tests use it where the 3x3 window holds at least 3 valid
 * neighbours, so the corrector never widens its window.
 */
public final class NeighbourMedian {

	/** A sample of one channel. */
	public interface Samples {

		double at(int x, int y);
	}

	private NeighbourMedian() {}

	/** Key of a pixel in a defect set. */
	public static long key(final int x, final int y) {
		return (long) y << 32 | x;
	}

	public static int median(final Samples image, final int width, final int height,
		final Set<Long> defects, final int x, final int y, final int step)
	{
		final List<Double> values = new ArrayList<>();
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx * step, yy = y + dy * step;
				if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < width && yy < height && !defects
					.contains(key(xx, yy))) values.add(image.at(xx, yy));
			}
		if (values.size() < 3) throw new IllegalArgumentException("window would widen");
		Collections.sort(values);
		final int n = values.size();
		return (int) (n % 2 == 1 ? values.get(n / 2) : Math.floor((values.get(n / 2 - 1) + values.get(
			n / 2)) / 2 + 0.5));
	}

	/**
	 * Asserts that {@code out} equals {@code in} bit for bit except at {@code defects} (all
	 * channels), where it holds the {@link #median} of {@code in}'s neighbours.
	 */
	public static void check(final ImageProcessor in, final ImageProcessor out,
		final Set<Long> defects, final int step, final String what)
	{
		final int w = in.getWidth(), h = in.getHeight();
		assertEquals(w, out.getWidth(), what);
		assertEquals(h, out.getHeight(), what);
		assertEquals(in.getBitDepth(), out.getBitDepth(), what);
		final int channels = in instanceof ColorProcessor ? 3 : 1;
		for (int c = 0; c < channels; c++) {
			final int shift = 16 - 8 * c, ch = c;
			final Samples a = channels == 1 ? in::getf : (x, y) -> in.get(x, y) >> shift & 0xff;
			final Samples b = channels == 1 ? out::getf : (x, y) -> out.get(x, y) >> shift & 0xff;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final int xx = x, yy = y;
					if (defects.contains(key(x, y))) assertEquals(median(a, w, h, defects, x, y, step), b.at(
						x, y), 0.0, () -> what + ": repaired (" + xx + ", " + yy + ") channel " + ch);
					else assertEquals(Float.floatToRawIntBits((float) a.at(x, y)), Float.floatToRawIntBits(
						(float) b.at(x, y)), () -> what + ": changed (" + xx + ", " + yy + ") channel " + ch);
				}
		}
	}
}

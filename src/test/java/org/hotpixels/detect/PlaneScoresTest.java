package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.Random;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/**
 * The fast paths of {@link PlaneScores} against plain loops: the cheap log-variance residuals
 * (sliding sums) against the mean of the 5x5 neighbours computed one by one, with NaN pixels
 * (float frames) left out, on a plane whose size is not a multiple of the bands or blocks.
 */
class PlaneScoresTest {

	@Test
	void cheapResidualsEqualTheNeighbourMeanComputedDirectly() throws Exception {
		final int w = 83, h = 37, n = 6;
		final Random r = new Random(5);
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY32, w, h, 1);
		for (int f = 0; f < n; f++) {
			final float[] px = new float[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = (float) (100 + (1 + (i % 7)) * r.nextGaussian());
			px[3 * w + 4] = Float.NaN; // one pixel never valid: no variance
			stats.add(Frame.of("f" + f, PixelType.GRAY32, w, h, px));
		}
		final PlaneScores plane = new PlaneScores(stats, 0, 0, 0, 1, 6, Progress.NONE);
		final float[] logVar = field(plane, "logVar"), cheap = field(plane, "cheapLogVar");
		int nan = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++) {
				double sum = 0;
				int count = 0;
				for (int yy = Math.max(0, y - 2); yy <= Math.min(h - 1, y + 2); yy++)
					for (int xx = Math.max(0, x - 2); xx <= Math.min(w - 1, x + 2); xx++) {
						final float v = logVar[yy * w + xx];
						if ((xx != x || yy != y) && !Float.isNaN(v)) {
							sum += v;
							count++;
						}
					}
				final float centre = logVar[y * w + x];
				if (Float.isNaN(centre)) {
					assertTrue(Float.isNaN(cheap[y * w + x]));
					nan++;
					continue;
				}
				assertEquals(centre - sum / count, cheap[y * w + x], 1e-5, "at " + x + ", " + y);
			}
		assertEquals(1, nan);
	}

	/**
	 * The screening bounds against the exact values at every pixel: the ring's floor never above
	 * the ring's spread (at least 1), and the mean-score bound never below the mean score's
	 * magnitude; on a fixed pattern whose spread varies over the plane (a dark frame's kind:
	 * large rings) and on a changing scene (rings near 1), with hot pixels and clusters.
	 */
	@Test
	void screeningBoundsHoldAtEveryPixel() {
		for (final boolean fixed : new boolean[]{ true, false }) {
			final int w = 150, h = 110, n = 12;
			final Random r = new Random(fixed ? 8 : 9);
			final float[] pattern = new float[w * h];
			for (int i = 0; i < pattern.length; i++)
				pattern[i] = (float) ((1 + 6.0 * (i % w) / w) * r.nextGaussian() + (r.nextInt(400) == 0 ? 40
					: 0));
			final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY32, w, h, 1);
			for (int f = 0; f < n; f++) {
				final float[] px = new float[w * h];
				final double light = fixed ? 0 : 50 * r.nextDouble();
				for (int i = 0; i < px.length; i++)
					px[i] = (float) (100 + light * (1 + (i / w) % 3) + pattern[i] + r.nextGaussian());
				stats.add(Frame.of("f" + f, PixelType.GRAY32, w, h, px));
			}
			final PlaneScores plane = new PlaneScores(stats, 0, 0, 0, 1, 6, Progress.NONE);
			int raised = 0;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					final double ring = Math.max(1, plane.ringSpread(x, y));
					final double floor = plane.ringSpreadFloor(x, y);
					assertTrue(floor <= ring, "floor " + floor + " above " + ring + " at " + x + ", " + y);
					if (floor > 1) raised++;
					final double score = Math.abs(plane.meanScore(x, y, plane.ringSpread(x, y)));
					assertTrue(score <= plane.meanScoreBound(x, y) * (1 + 1e-6), "score " + score +
						" above its bound at " + x + ", " + y);
				}
			// on the fixed pattern the floor is a bound worth having
			if (fixed) assertTrue(raised > w * h / 2, raised + " floors above 1");
		}
	}

	private static float[] field(final PlaneScores plane, final String name) throws Exception {
		final Field f = PlaneScores.class.getDeclaredField(name);
		f.setAccessible(true);
		return (float[]) f.get(plane);
	}
}

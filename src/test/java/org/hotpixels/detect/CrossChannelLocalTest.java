package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/**
 * {@link CrossChannel#localScore}: a pixel whose red variance is 80% of its neighbours' stands
 * out where the variances around it agree, and not where they themselves vary by 30% from pixel
 * to pixel (the chance dips of a texture). The frames alternate each pixel's red value by plus
 * and minus its own standard deviation, so every variance is known exactly.
 */
class CrossChannelLocalTest {

	private static final int SIZE = 21, CENTRE = 10, FRAMES = 40;

	@Test
	void standsOutOnlyWhereTheVariancesAroundAgree() {
		final double smooth = score(false), textured = score(true);
		// the centre's deviation rounds to 18 against 20: log(0.81) over the spread's floor of
		// 0.005 (every other residual is 0) is -42; over the texture's spread about -1
		assertTrue(smooth <= -DefectDetector.DEFAULT_SIGMA, "smooth surroundings: " + smooth);
		assertTrue(textured > -DefectDetector.DEFAULT_SIGMA, "textured surroundings: " + textured);
		assertEquals(Math.log(0.81) / PlaneScores.LEAST_SPREAD, smooth, 0.01);
	}

	/** The local score of the centre pixel, whose red variance is 80% of the level around it. */
	private static double score(final boolean textured) {
		final double[] sd = new double[SIZE * SIZE];
		for (int y = 0; y < SIZE; y++)
			for (int x = 0; x < SIZE; x++) {
				// a checkerboard of variances 30% apart, or one level
				final double variance = 400 * (textured && (x + y) % 2 == 1 ? 1.3 : 1);
				sd[y * SIZE + x] = Math.sqrt(x == CENTRE && y == CENTRE ? 0.8 * 400 : variance);
			}
		final List<Frame> frames = new ArrayList<>();
		for (int k = 0; k < FRAMES; k++) {
			final int[] rgb = new int[SIZE * SIZE];
			final int sign = k % 2 == 0 ? 1 : -1;
			for (int i = 0; i < rgb.length; i++) {
				final int red = (int) Math.round(128 + sign * sd[i]);
				rgb[i] = red << 16 | 128 + sign * 20 << 8 | 128 - sign * 20;
			}
			frames.add(Frame.of("f" + k, PixelType.RGB, SIZE, SIZE, new Object[]{ rgb }));
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		stats.addAll(frames);
		return new CrossChannel(stats).localScore(0, CENTRE, CENTRE);
	}
}

package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/**
 * Dark frames whose dark current is strong and non-uniform from pixel to pixel (as in a warm
 * sensor's amplifier glow: 150 e- per frame, 10% non-uniformity, so the neighbourhood's fixed
 * pattern spreads by several temporal errors, as a textured scene would): a hot pixel there has
 * Poisson dark current like the rest, so its variance follows the noise model, and only its mean
 * shows it. It must be found, and the pattern itself must not be reported.
 */
class NonUniformDarkTest {

	@Test
	void findsHotPixelsInAStrongPixelIndependentPattern() {
		final int w = 160, h = 160, n = 40;
		final int[][] hot = { { 80, 80, 230 }, { 30, 120, 630 } };
		final Random r = new Random(11);
		final double[] rate = new double[w * h];
		for (int i = 0; i < rate.length; i++)
			rate[i] = 150 * (1 + 0.1 * r.nextGaussian());
		for (final int[] p : hot)
			rate[p[1] * w + p[0]] += p[2];
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY16, w, h, 1);
		for (int f = 0; f < n; f++) {
			final short[] px = new short[w * h];
			for (int i = 0; i < px.length; i++) {
				// Poisson by its normal approximation (rates of 100 and more), plus read noise
				final double e = rate[i] + Math.sqrt(rate[i]) * r.nextGaussian();
				px[i] = (short) Math.round(500 + e + 5 * r.nextGaussian());
			}
			stats.add(Frame.of("dark" + f, PixelType.GRAY16, w, h, px));
		}
		final List<Defect> defects = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(
			stats, Progress.NONE);
		for (final int[] p : hot)
			assertTrue(defects.stream().anyMatch(d -> d.kind() == DefectKind.HOT && Math.abs(d.x() -
				p[0]) <= 1 && Math.abs(d.y() - p[1]) <= 1), "hot pixel at " + p[0] + ", " + p[1] +
					" not found in " + defects);
		assertTrue(defects.size() <= hot.length + 1, "false positives: " + defects);
	}
}

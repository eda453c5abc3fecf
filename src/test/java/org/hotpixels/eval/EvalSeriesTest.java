package org.hotpixels.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.junit.jupiter.api.Test;

/**
 * The evaluation's own series follow their models: dark pixels' means and variances against the
 * sensor's formulas, planted values in the frames, placement of the planted sets.
 */
class EvalSeriesTest {

	@Test
	void darkPixelsFollowTheSensorModel() {
		final DarkSensor s = new DarkSensor("flat");
		s.columnBiasSigma = 0;
		s.dsnu = 0;
		s.cornerRise = 0;
		s.glowEdge = 0;
		s.glowCorner = 0;
		final List<PlantedDefect> planted = Arrays.asList(PlantedDefect.dead(10, 10, 0),
			new PlantedDefect(20, 20, 20, 0, DefectKind.DEAD, 1, "dead (0 ADU)"), PlantedDefect.stuck(30,
				30, 0, 1234), PlantedDefect.hot(40, 30, 0, 100));
		final int n = 400;
		final HardDarkSeries series = new HardDarkSeries(s, 64, 48, n, 3, planted);
		final double[] sum = new double[64 * 48], sq = new double[64 * 48];
		for (int f = 0; f < n; f++) {
			final short[] p = (short[]) series.frame(f).plane(0);
			assertEquals(0, p[20 * 64 + 20]);
			assertEquals(1234, p[30 * 64 + 30]);
			for (int i = 0; i < p.length; i++) {
				sum[i] += p[i] & 0xffff;
				sq[i] += (p[i] & 0xffff) * (double) (p[i] & 0xffff);
			}
		}
		final double normal = s.bias + s.gain * s.darkCurrent;
		assertEquals(s.bias, sum[10 * 64 + 10] / n, 4 * Math.hypot(s.readNoise, s.rowNoise) / Math.sqrt(
			n));
		assertEquals(normal + s.gain * 100, sum[30 * 64 + 40] / n, 4 * Math.sqrt(s.gain * s.gain * 120 +
			26) / Math.sqrt(n));
		double meanOfMeans = 0, meanOfVariances = 0;
		for (int i = 0; i < 48 * 64; i += 7) {
			final double m = sum[i] / n;
			meanOfMeans += m;
			meanOfVariances += (sq[i] - n * m * m) / (n - 1);
		}
		final int count = (48 * 64 + 6) / 7;
		assertEquals(normal, meanOfMeans / count, 0.5);
		final double sigma = s.temporalSigma();
		assertEquals(sigma * sigma, meanOfVariances / count, 0.05 * sigma * sigma);
	}

	@Test
	void darkDefectsAreSeparatedAndThePopulationHasItsSize() {
		final DarkSensor s = DarkSensor.warm();
		final List<PlantedDefect> d = DarkDefects.create(s, 400, 300, 5);
		final long population = d.stream().filter(p -> p.label().startsWith("population")).count();
		assertEquals(Math.round(DarkDefects.POPULATION_FRACTION * 400 * 300), population);
		for (final PlantedDefect a : d)
			for (final PlantedDefect b : d) {
				final boolean samePair = a.label().equals("hot pair") && b.label().equals("hot pair") &&
					gap(a, b) == 1;
				if (a != b && !samePair && !a.label().startsWith("population")) assertTrue(gap(a,
					b) > DarkDefects.SEPARATION, a + " near " + b);
			}
		assertEquals("population 4-6σ", DarkDefects.populationLabel(5));
		assertEquals("population >30σ", DarkDefects.populationLabel(300));
	}

	private static long gap(final PlantedDefect a, final PlantedDefect b) {
		final long dx = Math.abs(a.x() - b.x());
		final long dy = Math.max(0, Math.max(a.y() - b.yEnd(), b.y() - a.yEnd()));
		return Math.max(dx, dy);
	}

	@Test
	void photoFramesCarryThePlantedValues() throws Exception {
		final List<Path> files = RealPhotos.available();
		assumeTrue(files.size() >= 2, "the Debian wallpaper packages are not installed");
		final List<BufferedImage> photos = RealPhotos.load(files.subList(0, 2));
		final List<PlantedDefect> planted = Arrays.asList(PlantedDefect.stuck(5, 5, Defect.ALL_CHANNELS,
			77), PlantedDefect.dead(10, 10, 0), PlantedDefect.hot(20, 20, 2, 300));
		final SyntheticSeries series = PhotoCropSeries.of(photos, 128, 96, 3, 9, planted);
		int[] previous = null;
		for (int f = 0; f < 3; f++) {
			final Frame frame = series.frame(f);
			final int[] rgb = (int[]) frame.plane(0);
			assertEquals(0x4d4d4d, rgb[5 * 128 + 5] & 0xffffff);
			assertEquals(0, rgb[10 * 128 + 10] >> 16 & 0xff);
			assertEquals(255, rgb[20 * 128 + 20] & 0xff);
			if (previous != null) assertNotEquals(Arrays.hashCode(previous), Arrays.hashCode(rgb));
			previous = rgb;
		}
	}
}

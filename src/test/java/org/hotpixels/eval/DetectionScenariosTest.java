package org.hotpixels.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.DemoSeries;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;

/**
 * The series the detection issue found hardest, at default settings, without the photographs
 * of {@link RealEvaluation}: a time-lapse of one unchanging textured field (sharp edges, lines,
 * blobs) must give no false positive while its stuck, dead and strong hot pixels are found; a
 * column segment in dark frames must be one defect covering it.
 */
class DetectionScenariosTest {

	private static FindResult find(final DemoSeries s) {
		return HotPixelFinder.find(s.asSource(), new FindOptions(), Progress.NONE);
	}

	/** A drawn texture: shapes of every grey level, thin lines, a gradient and fine dots. */
	static BufferedImage texture(final int w, final int h, final long seed) {
		final BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(java.awt.RenderingHints.KEY_ANTIALIASING,
			java.awt.RenderingHints.VALUE_ANTIALIAS_ON); // as a lens draws it: no staircase corners
		final Random r = new Random(seed);
		for (int y = 0; y < h; y++) {
			g.setColor(new Color(40 + 100 * y / h, 40 + 100 * y / h, 40 + 100 * y / h));
			g.drawLine(0, y, w - 1, y);
		}
		for (int k = 0; k < 60; k++) {
			final int v = r.nextInt(256);
			g.setColor(new Color(v, v, v));
			final int x = r.nextInt(w), y = r.nextInt(h), a = 3 + r.nextInt(w / 6), b = 3 + r.nextInt(h /
				6);
			if (k % 3 == 0) g.fillRect(x, y, a, b);
			else if (k % 3 == 1) g.fillOval(x, y, a, b);
			else {
				g.setStroke(new BasicStroke(1 + r.nextInt(3)));
				g.drawLine(x, y, r.nextInt(w), r.nextInt(h));
			}
		}
		for (int k = 0; k < 300; k++) { // small bright and dark dots, a few pixels wide
			final int v = r.nextBoolean() ? 250 : 10;
			g.setColor(new Color(v, v, v));
			g.fillOval(r.nextInt(w), r.nextInt(h), 2 + r.nextInt(3), 2 + r.nextInt(3));
		}
		g.dispose();
		return image;
	}

	/**
	 * The drawn texture is harsher than a photographed field (shapes, crossing lines and dots of
	 * one to two pixels, under a light blur): before the fixed-scene rules it gave 72 false
	 * defects on seed 3, now at most two faint ones (scores near the threshold, where a scene dot
	 * and a defect are alike in mean and noise).
	 */
	@Test
	void aStaticTexturedSceneGivesAlmostNoFalseDefect() {
		for (final long seed : new long[]{ 3, 4 }) {
			final StaticSceneSeries s = new StaticSceneSeries(texture(640, 480, seed), 320, 240, 100,
				seed, true);
			final Evaluation e = Evaluation.compare(s.planted(), find(s).defects());
			assertTrue(e.falsePositives() <= 2, e.summary());
			assertTrue(e.recall() >= 0.8, e.summary());
		}
	}

	/**
	 * Below the threshold, where the warm sensor's own population lets it go down for faint hot
	 * pixels (4-6 sigma of the master dark), as far as the plane's fitted tail of departures
	 * predicts at most 3% false ones ({@code MasterDark}): scored against the planted truth on
	 * seeds the evaluation does not use, 97% of all detections true and 85% of all planted
	 * defects found (each seed at least 95% and 80%).
	 */
	@Test
	void faintHotPixelsOfWarmDarksComeWithFewFalseOnes() {
		final DarkSensor sensor = DarkSensor.warm();
		final int size = 1024;
		int found = 0, planted = 0, detections = 0, matched = 0;
		for (final long seed : new long[]{ 63, 65, 67 }) {
			final HardDarkSeries s = new HardDarkSeries(sensor, size, size, 40, seed, MasterDarkDefects
				.create(sensor, size, size, 40, seed));
			final Evaluation e = Evaluation.compare(s.planted(), find(s).defects());
			// one seed's 100 detections: three false ones are 97% by chance
			assertTrue(e.precision() >= 0.95, "seed " + seed + ": " + e.summary());
			assertTrue(e.recall() >= 0.8, "seed " + seed + ": " + e.summary());
			found += e.truePositives();
			planted += e.truePositives() + e.falseNegatives();
			matched += e.matchedDetections();
			detections += e.matchedDetections() + e.falsePositives();
		}
		assertTrue(matched >= 0.97 * detections, matched + " of " + detections + " detections true");
		assertTrue(found >= 0.85 * planted, found + " of " + planted + " planted found");
	}

	/**
	 * A plain sensor (Poisson dark current, read noise, bias: no pattern at all), 40 frames, hot
	 * pixels at 4-6, 6-25 and 25-200 sigma of the master dark, column segments, dead pixels at
	 * the bias, on a seed of its own: its master dark is the frames' noise alone, so a test
	 * against the mean of 24 neighbours (outliers left out) and the plane's own Gaussian tail finds more than half
	 * of the 4-6 sigma pixels (the four-neighbour residual found none, and lost some of the 6-25
	 * sigma ones to its own noise).
	 */
	@Test
	void faintHotPixelsOfAPlainSensorAreFoundAsFarAsItsNoiseAllows() {
		final DarkSensor sensor = DarkSensor.plain();
		final int size = 512;
		final List<PlantedDefect> planted = MasterDarkDefects.create(sensor, size, size, 40, 71);
		final HardDarkSeries s = new HardDarkSeries(sensor, size, size, 40, 71, planted);
		final Evaluation e = Evaluation.compare(planted, find(s).defects());
		final int[] strong = e.countsByLabel().get("hot 6-25σ_md");
		assertEquals(strong[1], strong[0], e.summary());
		assertTrue(e.countsByLabel().get("hot 4-6σ_md")[0] >= 10, e.summary());
		assertTrue(e.precision() >= 0.97, e.summary());
		assertTrue(e.recall() >= 0.8, e.summary());
	}

	@Test
	void aColumnSegmentOfDarkFramesIsOneDefectCoveringIt() {
		final DarkSensor sensor = DarkSensor.warm();
		final int size = 384;
		final List<PlantedDefect> planted = MasterDarkDefects.create(sensor, size, size, 40, 5);
		final HardDarkSeries s = new HardDarkSeries(sensor, size, size, 40, 5, planted);
		final List<Defect> found = find(s).defects();
		for (final PlantedDefect p : planted) {
			if (p.length() == 1) continue;
			Defect line = null;
			int pieces = 0;
			for (final Defect d : found)
				if (d.xMax() >= p.x() && d.xMin() <= p.x() && d.yMax() >= p.y() && d.yMin() <= p.yEnd()) {
					pieces++;
					if (d.kind() == DefectKind.COLUMN) line = d;
				}
			assertNotNull(line, p.label() + " at " + p.x() + "," + p.y() + " not found as a column");
			assertEquals(1, pieces, p.label() + ": one defect");
			final int covered = Math.min(p.yEnd(), line.yMax()) - Math.max(p.y(), line.yMin()) + 1;
			assertTrue(covered >= 0.9 * p.length(), p.label() + " covered " + covered + " of " + p
				.length());
			assertTrue(Double.isFinite(line.score()) && line.score() > 6, "score " + line.score());
		}
		final Evaluation e = Evaluation.compare(planted, found);
		assertTrue(e.precision() >= 0.9, e.summary());
	}
}

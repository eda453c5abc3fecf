package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.hotpixels.progress.Progress;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/** Small hand-made grey series: scenes are smooth random gradients with noise. */
class DetectorSmokeTest {

	@Test
	void findsPlantedDefectsInGreySeries() {
		final int w = 200, h = 150, n = 40;
		final Random r = new Random(3);
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY8, w, h, 1);
		for (int f = 0; f < n; f++) {
			final byte[] px = new byte[w * h];
			final double a = 30 + 150 * r.nextDouble(), gx = r.nextGaussian() * 0.3, gy = r
				.nextGaussian() * 0.3;
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double v = a + gx * x + gy * y + 20 * Math.sin((x + f * 7) / 13.0) + r.nextGaussian() * 3;
					if (x == 50 && y == 60) v = 120;
					if (x == 120 && y == 30) v += 80;
					if (x == 10 && y == 140) v = 0;
					px[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
				}
			stats.add(Frame.of("f" + f, PixelType.GRAY8, w, h, px));
		}
		final List<Defect> defects = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(
			stats, Progress.NONE);
		defects.forEach(d -> System.out.println(d + " score " + d.score()));
		assertEquals(3, defects.size());
		assertTrue(defects.stream().anyMatch(d -> d.x() == 50 && d.y() == 60 && d
			.kind() == DefectKind.STUCK));
		assertTrue(defects.stream().anyMatch(d -> d.x() == 120 && d.y() == 30 && d
			.kind() == DefectKind.HOT));
		assertTrue(defects.stream().anyMatch(d -> d.x() == 10 && d.y() == 140 && d
			.kind() == DefectKind.DEAD));
		final List<RankedPixel> lowest = LowestVarianceRanking.rank(stats, 5);
		assertEquals(5, lowest.size());
		assertEquals(0, lowest.get(0).variance());
		assertEquals(0, lowest.get(1).variance());
		assertEquals(60, lowest.get(0).x() + lowest.get(1).x());
	}

	/**
	 * A weak flag in the same 8x8 block as a much stronger defect is its JPEG ringing and is not
	 * reported; the same weak departure in the next block is a defect of its own.
	 */
	@Test
	void aWeakFlagInAStrongDefectsBlockIsItsRinging() {
		final int w = 96, h = 64, n = 40;
		final Random r = new Random(5);
		final PixelStatistics stats = PixelStatistics.create(PixelType.GRAY8, w, h, 1);
		for (int f = 0; f < n; f++) {
			final byte[] px = new byte[w * h];
			final double a = 40 + 120 * r.nextDouble();
			for (int y = 0; y < h; y++)
				for (int x = 0; x < w; x++) {
					double v = a + 15 * Math.sin((x + y + f * 5) / 11.0) + r.nextGaussian() * 2;
					if (y == 36 && x == 49) v += 90; // the defect, in block 48..55
					if (y == 36 && x == 53) v += 18; // its echo, in the same block
					if (y == 36 && x == 57) v += 18; // as weak, in the next block: a defect
					px[y * w + x] = (byte) Math.max(0, Math.min(255, Math.round(v)));
				}
			stats.add(Frame.of("f" + f, PixelType.GRAY8, w, h, px));
		}
		final List<Defect> defects = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(
			stats, Progress.NONE);
		defects.forEach(d -> System.out.println(d + " score " + d.score()));
		assertTrue(defects.stream().anyMatch(d -> d.x() == 49 && d.kind() == DefectKind.HOT));
		assertTrue(defects.stream().anyMatch(d -> d.x() == 57 && d.kind() == DefectKind.HOT));
		assertTrue(defects.stream().noneMatch(d -> d.x() == 53), defects.toString());
		assertEquals(2, defects.size());
	}
}

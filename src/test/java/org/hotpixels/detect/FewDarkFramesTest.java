package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.progress.Progress;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.api.Test;

/**
 * A dozen dark frames, or five: with 11 degrees of freedom a sample variance falls to a tenth of its
 * expectation about once in 50,000 pixels (the log of a chi-square's lower tail is far longer
 * than a normal's), so a low-variance test on a normal approximation calls dozens of a megapixel
 * plane's normal pixels stuck. Every detection must be a planted defect.
 */
class FewDarkFramesTest {

	@Test
	void fewDarkFramesGiveNoChanceStuckPixels() {
		// frames and seed: with 5 frames a tenth of the pixels' variances scatter beyond the
		// fixed-scene ratio, so the plane must count as fixed by its majority
		for (final long[] series : new long[][]{ { 12, 7 }, { 12, 8 }, { 5, 3 } }) {
			final int n = (int) series[0];
			final long seed = series[1];
			final DarkFrameSeries darks = DarkFrameSeries.builder().size(1024, 1024).frames(n).seed(seed)
				.build();
			final PixelStatistics stats = PixelStatistics.like(darks.frame(0));
			final List<org.hotpixels.source.Frame> frames = new ArrayList<>();
			for (int k = 0; k < n; k++)
				frames.add(darks.frame(k));
			stats.addAll(frames);
			final List<Defect> found = new DefectDetector(DefectDetector.DEFAULT_SIGMA, null).detect(
				stats, Progress.NONE);
			final List<Defect> unplanted = found.stream().filter(d -> !planted(darks.planted(), d))
				.collect(Collectors.toList());
			assertTrue(unplanted.isEmpty(), n + " frames, seed " + seed + ": not planted: " + unplanted);
			assertTrue(found.stream().noneMatch(d -> d.kind() == DefectKind.STUCK), n + " frames, seed " +
				seed + ": " + found);
		}
	}

	private static boolean planted(final List<PlantedDefect> planted, final Defect d) {
		for (final PlantedDefect p : planted)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					for (int dy = -1; dy <= 1; dy++)
						for (int dx = -1; dx <= 1; dx++)
							if (p.covers(x + dx, y + dy, 0)) return true;
		return false;
	}
}

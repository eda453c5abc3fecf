package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.hotpixels.find.FindOptions;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.demo.DarkFrameSeries;
import org.hotpixels.demo.Evaluation;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;

/** Kinds that need the variance of a pixel already flagged by its mean. */
class DetectionKindsTest {

	/**
	 * Ten dark frames: a pixel fixed far above the bias is flagged by its mean; its variance
	 * (none, among neighbours of variance ~50) makes it stuck, not hot, although ten frames are
	 * too few for the variance alone to flag it at sigma 6.
	 */
	@Test
	void stuckPixelsAmongFewDarkFramesAreStuck() {
		final List<PlantedDefect> planted = Arrays.asList(PlantedDefect.stuck(40, 50, 0, 2300),
			PlantedDefect.stuck(200, 120, 0, 1800), PlantedDefect.stuck(150, 30, 0, 3100));
		final DarkFrameSeries s = DarkFrameSeries.builder().size(320, 240).frames(10).seed(12).defects(
			planted).build();
		final Evaluation e = Evaluation.compare(planted, HotPixelFinder.find(s.asSource(),
			new FindOptions(), Progress.NONE).defects());
		assertEquals(3, e.truePositives(), e.summary());
		assertEquals(3, e.kindAgreements(), e.summary());
	}
}

package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;

/** Evaluation counts on a small example worked out by hand. */
class EvaluationTest {

	private static Defect detected(final int x, final int y, final int channel,
		final DefectKind kind)
	{
		return Defect.region(x, y, x, y, channel, kind);
	}

	// planted: 0 stuck (10,10) all; 1 hot (20,20) blue; 2 dead (30,30) all;
	// 3 hot column (40, 5..24) ch 0; 4+5 hot pair (50,50),(51,50); 6 cold (60,60) green
	private static final List<PlantedDefect> PLANTED = Arrays.asList(PlantedDefect.stuck(10, 10, -1,
		100), PlantedDefect.hot(20, 20, 2, 150), PlantedDefect.dead(30, 30, -1), PlantedDefect
			.hotColumn(40, 5, 24, 0, 50), PlantedDefect.hot(50, 50, -1, 120).withLabel("hot pair"),
		PlantedDefect.hot(51, 50, -1, 120).withLabel("hot pair"), PlantedDefect.cold(60, 60, 1, 0.3));

	// detections: a stuck one pixel off (TP, kind right); the blue hot seen in red (channel
	// wrong); the dead reported as stuck two pixels off (outside tolerance 1); one pixel inside
	// the column (TP); one 2-pixel cluster covering the pair (TP for both); a stray far away (FP)
	private static final List<Defect> DETECTED = Arrays.asList(detected(11, 9, 0, DefectKind.STUCK),
		detected(20, 20, 0, DefectKind.HOT), detected(32, 30, -1, DefectKind.STUCK), detected(40, 17, 0,
			DefectKind.HOT), Defect.region(50, 50, 51, 50, -1, DefectKind.HOT), detected(5, 70, 1,
				DefectKind.COLD));

	@Test
	void countsWithChannelsChecked() {
		final Evaluation e = Evaluation.compare(PLANTED, DETECTED);
		// found: stuck, column, both of the pair = 4; missed: blue hot, dead, cold = 3
		assertEquals(4, e.truePositives());
		assertEquals(3, e.falseNegatives());
		// unmatched: red hot, dead-as-stuck, stray = 3 of 6
		assertEquals(3, e.falsePositives());
		assertEquals(4 / 7.0, e.recall(), 1e-12);
		assertEquals(3 / 6.0, e.precision(), 1e-12);
		assertEquals(4, e.kindAgreements());
		final Map<DefectKind, Double> byKind = e.recallByKind();
		assertEquals(1.0, byKind.get(DefectKind.STUCK));
		assertEquals(3 / 4.0, byKind.get(DefectKind.HOT));
		assertEquals(0.0, byKind.get(DefectKind.DEAD));
		assertEquals(0.0, byKind.get(DefectKind.COLD));
		assertEquals(2, e.countsByLabel().get("hot pair")[0]);
		assertEquals(1, e.countsByLabel().get("hot column")[1]);
	}

	@Test
	void countsWithJpegToleranceAndChannelsIgnored() {
		final Evaluation e = Evaluation.forFormat(PLANTED, DETECTED, OutputFormat.JPEG);
		// now the red hot matches the blue one, and the dead two pixels off matches too
		assertEquals(6, e.truePositives());
		assertEquals(1, e.falsePositives());
		assertEquals(6 / 7.0, e.recall(), 1e-12);
		assertEquals(5 / 6.0, e.precision(), 1e-12);
		// the dead one was called stuck
		assertEquals(5, e.kindAgreements());
		assertEquals(PLANTED.get(6), e.missed().get(0));
		assertTrue(e.summary().contains("Found 6 of 7 planted defects"), e.summary());
		assertTrue(e.summary().contains("Missed: cold at (60, 60) channel 1"), e.summary());
	}

	@Test
	void emptyCasesAreVacuouslyPerfect() {
		final Evaluation nothing = Evaluation.compare(Collections.emptyList(), Collections.emptyList());
		assertEquals(1.0, nothing.recall());
		assertEquals(1.0, nothing.precision());
		final Evaluation onlyFalse = Evaluation.compare(Collections.emptyList(), DETECTED);
		assertEquals(6, onlyFalse.falsePositives());
		assertEquals(0.0, onlyFalse.precision());
	}

	@Test
	void columnIsFoundByAnOverlappingRegionAndNotByANeighbouringColumnFarAway() {
		final List<PlantedDefect> column = Collections.singletonList(PlantedDefect.hotColumn(40, 5, 24,
			0, 50));
		assertEquals(1, Evaluation.compare(column, Collections.singletonList(Defect.region(40, 20, 40,
			40, 0, DefectKind.HOT))).truePositives());
		assertEquals(0, Evaluation.compare(column, Collections.singletonList(Defect.region(43, 5, 43,
			24, 0, DefectKind.HOT))).truePositives());
		assertEquals(0, Evaluation.compare(column, Collections.singletonList(detected(40, 26, 0,
			DefectKind.HOT))).truePositives());
	}
}

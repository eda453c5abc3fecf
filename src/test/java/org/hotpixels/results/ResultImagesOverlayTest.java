package org.hotpixels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import ij.gui.Line;
import ij.gui.Overlay;
import ij.gui.PointRoi;
import ij.gui.Roi;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;

/** The defect overlay: rings labelled by kind, lines along column and row segments. */
class ResultImagesOverlayTest {

	@Test
	void pixelsAreLabelledRingsAndSegmentsAreLines() {
		final Overlay o = ResultImages.overlay(Arrays.asList(new Defect(5, 6, 1, DefectKind.HOT, 200,
			50, 150, 250, 90, 40, 30, 1, 5, 6, 5, 6), new Defect(12, 100, Defect.ALL_CHANNELS,
				DefectKind.COLUMN, 300, 40, 200, 400, 90, 38, 25, 261, 12, 40, 12, 300), new Defect(70, 5,
					0, DefectKind.ROW, 20, 30, 10, 40, 90, 35, 18, 51, 50, 5, 100, 5)), 3);
		assertEquals(3, o.size());
		final Roi hot = o.get(0), column = o.get(1), row = o.get(2);
		assertTrue(hot instanceof PointRoi);
		assertEquals("hot", hot.getName());
		assertEquals(ResultImages.BRIGHTER, hot.getStrokeColor());
		assertEquals(2, hot.getPosition(), "on the slice of its channel");
		assertTrue(column instanceof Line);
		final Line c = (Line) column;
		assertEquals(12.5, c.x1d, 1e-9);
		assertEquals(40, c.y1d, 1e-9);
		assertEquals(12.5, c.x2d, 1e-9);
		assertEquals(301, c.y2d, 1e-9);
		assertEquals("column", column.getName());
		assertEquals(0, column.getPosition(), "all channels: every slice");
		assertEquals(ResultImages.BRIGHTER, column.getStrokeColor(), "hotter than its neighbours");
		final Line r = (Line) row;
		assertEquals(50, r.x1d, 1e-9);
		assertEquals(101, r.x2d, 1e-9);
		assertEquals(5.5, r.y1d, 1e-9);
		assertEquals(ResultImages.DARKER, row.getStrokeColor(), "colder than its neighbours");
		assertTrue(o.getDrawNames() && o.getDrawLabels(), "labelled with the kind");
	}
}

package org.hotpixels.correct;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.CfaPattern;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/**
 * Column and row segments are repaired from the lines beside them: never from their own pixels,
 * and never from their own line beyond the segment's ends.
 */
class SegmentCorrectionTest {

	private static final int W = 8, H = 7;

	/** 100 + x + 10 y: a plane whose neighbour medians are easy to compute by hand. */
	private static short[] ramp(final int w, final int h) {
		final short[] p = new short[w * h];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				p[y * w + x] = (short) (100 + x + 10 * y);
		return p;
	}

	private static Defect segment(final DefectKind kind, final int xMin, final int yMin,
		final int xMax, final int yMax)
	{
		return new Defect(xMin, yMin, 0, kind, 7000, 5, 6990, 7010, 120, 5, 40, (xMax - xMin + 1) *
			(yMax - yMin + 1), xMin, yMin, xMax, yMax);
	}

	private static short[] correct(final short[] in, final int w, final int h,
		final List<Defect> defects, final CfaPattern cfa)
	{
		final Frame f = Frame.of("f", PixelType.GRAY16, w, h, new Object[]{ in });
		return (short[]) new DefectCorrector(defects, w, h, 1, cfa, false).correct(f).plane(0);
	}

	@Test
	void columnSegmentTakesOnlyTheColumnsBesideIt() {
		final short[] in = ramp(W, H);
		for (int y = 2; y <= 4; y++)
			in[y * W + 3] = 7000; // the hot segment
		in[1 * W + 3] = 5000; // its own column just above and below: must not be used
		in[5 * W + 3] = 5000;
		final short[] out = correct(in, W, H, Arrays.asList(segment(DefectKind.COLUMN, 3, 2, 3, 4)),
			null);
		// (3,2): columns 2 and 4, rows 1-3: 112 114 122 124 132 134 -> (122 + 124 + 1) / 2
		assertEquals(123, out[2 * W + 3]);
		assertEquals(133, out[3 * W + 3]);
		assertEquals(143, out[4 * W + 3]);
		assertEquals(5000, out[1 * W + 3]);
		assertEquals(5000, out[5 * W + 3]);
		// the same box without a kind is a cluster: its ends borrow from the column (5000)
		final short[] cluster = correct(in, W, H, Arrays.asList(Defect.region(3, 2, 3, 4, 0, null)),
			null);
		assertEquals(124, cluster[2 * W + 3]);
	}

	@Test
	void rowSegmentTakesOnlyTheRowsAboveAndBelow() {
		final short[] in = ramp(W, H);
		for (int x = 2; x <= 4; x++)
			in[3 * W + x] = 0; // a dead row segment
		in[3 * W + 1] = 5000;
		in[3 * W + 5] = 5000;
		final short[] out = correct(in, W, H, Arrays.asList(segment(DefectKind.ROW, 2, 3, 4, 3)), null);
		// (2,3): rows 2 and 4, columns 1-3: 121 122 123 141 142 143 -> (123 + 141 + 1) / 2
		assertEquals(132, out[3 * W + 2]);
		assertEquals(133, out[3 * W + 3]);
		assertEquals(134, out[3 * W + 4]);
		assertEquals(5000, out[3 * W + 1]);
	}

	@Test
	void columnSegmentOnAMosaicUsesSameColourColumns() {
		final int w = 12, h = 12;
		final short[] in = ramp(w, h);
		for (int y = 0; y < h; y++) {
			in[y * w + 3] = 9000; // other colours beside the segment: never used
			in[y * w + 5] = 9000;
		}
		for (int y = 4; y <= 8; y++)
			in[y * w + 4] = 7000;
		in[2 * w + 4] = 5000; // same colour, own column, beyond the ends
		in[10 * w + 4] = 5000;
		final short[] out = correct(in, w, h, Arrays.asList(segment(DefectKind.COLUMN, 4, 4, 4, 8)),
			CfaPattern.RGGB);
		for (int y = 4; y <= 8; y++)
			assertEquals(100 + 4 + 10 * y, out[y * w + 4], "row " + y);
	}

	@Test
	void twoNeighbouringColumnsAreRepairedFromOutside() {
		final short[] in = ramp(W, H);
		for (int y = 0; y < H; y++) {
			in[y * W + 3] = 7000;
			in[y * W + 4] = 6000;
		}
		final short[] out = correct(in, W, H, Arrays.asList(segment(DefectKind.COLUMN, 3, 0, 3, H - 1),
			segment(DefectKind.COLUMN, 4, 0, 4, H - 1)), null);
		for (int y = 1; y <= 5; y++) {
			assertEquals(100 + 2 + 10 * y, out[y * W + 3], "column 3, row " + y); // column 2 only
			assertEquals(100 + 5 + 10 * y, out[y * W + 4], "column 4, row " + y); // column 5 only
		}
	}
}

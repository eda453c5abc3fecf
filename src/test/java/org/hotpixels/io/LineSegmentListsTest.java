package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import ij.ImagePlus;

import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Column and row segments in every list format: CSV, Siril, dcraw, RawTherapee and the mask. */
class LineSegmentListsTest {

	private static final int W = 40, H = 30;

	@TempDir
	Path dir;

	/** A segment as the detector reports it: hot when its mean is above its neighbours'. */
	private static Defect segment(final DefectKind kind, final int xMin, final int yMin,
		final int xMax, final int yMax, final double mean, final double neighbourMean)
	{
		return new Defect(xMin, yMin, Defect.ALL_CHANNELS, kind, mean, 25, mean - 10, mean + 10,
			neighbourMean, 24, 17.5, (xMax - xMin + 1) * (yMax - yMin + 1), xMin, yMin, xMax, yMax);
	}

	/** A whole hot column, a partial cold column, a whole dead row, a partial hot row. */
	private static List<Defect> segments() {
		return Arrays.asList(segment(DefectKind.COLUMN, 5, 0, 5, H - 1, 900, 100), //
			segment(DefectKind.COLUMN, 12, 10, 12, 14, 20, 100), //
			segment(DefectKind.ROW, 0, 20, W - 1, 20, 0, 100), //
			segment(DefectKind.ROW, 30, 3, 33, 3, 500, 100));
	}

	private static List<String> dataLines(final String text) {
		final List<String> out = new ArrayList<>();
		for (final String l : text.split("\n"))
			if (!l.startsWith("#")) out.add(l);
		return out;
	}

	@Test
	void csvRoundTripKeepsKindAndExtent() throws IOException {
		final StringWriter w = new StringWriter();
		DefectCsv.write(w, segments());
		assertTrue(w.toString().contains("\n5,0,all,column,25,900,890,910,17.5,30,5,0,5,29,100,24\n"), w
			.toString());
		final List<Defect> back = DefectCsv.read(new StringReader(w.toString()), "d.csv");
		assertEquals(4, back.size());
		for (int i = 0; i < 4; i++) {
			final Defect e = segments().get(i), a = back.get(i);
			assertEquals(e.kind(), a.kind());
			assertEquals(Arrays.asList(e.xMin(), e.yMin(), e.xMax(), e.yMax(), e.clusterSize()), Arrays
				.asList(a.xMin(), a.yMin(), a.xMax(), a.yMax(), a.clusterSize()));
			assertEquals(e.mean(), a.mean(), 0);
			assertEquals(e.neighbourMean(), a.neighbourMean(), 0);
		}
	}

	@Test
	void sirilWritesWholeLinesAsCAndLAndPartialSegmentsAsPixels() throws IOException {
		final StringWriter w = new StringWriter();
		SirilCosmeticList.write(w, segments(), W, H);
		final List<String> expected = new ArrayList<>(Arrays.asList("C 5 0 H", "L 20 0 C"));
		// partial segments: pixels of type C, which Siril repairs with a 5x5 median
		for (int x = 30; x <= 33; x++)
			expected.add("P " + x + " 3 C");
		for (int y = 10; y <= 14; y++)
			expected.add("P 12 " + y + " C");
		assertEquals(expected, dataLines(w.toString()));
		// read back, it covers exactly the segments' pixels
		final List<Defect> back = DefectLists.clip(SirilCosmeticList.read(new StringReader(w
			.toString()), "l.lst"), W, H);
		assertEquals(Positions.merged(segments()), Positions.of(back));
	}

	@Test
	void dcrawAndRawTherapeeListEveryPixelOfASegment() throws IOException {
		final List<Defect> one = Arrays.asList(segments().get(1)); // column 12, rows 10-14
		final StringWriter dcraw = new StringWriter(), rt = new StringWriter();
		DcrawBadPixels.write(dcraw, one);
		RawTherapeeBadPixels.write(rt, one);
		final List<String> d = new ArrayList<>(), r = new ArrayList<>();
		for (int y = 10; y <= 14; y++) {
			d.add("12 " + y + " 0");
			r.add("12 " + y);
		}
		assertEquals(d, dataLines(dcraw.toString()));
		assertEquals(r, dataLines(rt.toString()));
	}

	@Test
	void maskMarksEveryPixelOfEverySegment() throws IOException {
		final Path file = dir.resolve("mask.tif");
		DefectLists.write(file, segments(), W, H, 1);
		final ImagePlus mask = new ij.io.Opener().openImage(file.toString());
		int set = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				if (mask.getProcessor().get(x, y) != 0) set++;
		assertEquals(Positions.merged(segments()).size(), set);
		assertEquals(255, mask.getProcessor().get(12, 14));
		assertEquals(0, mask.getProcessor().get(12, 15));
		assertEquals(Positions.merged(segments()), Positions.of(DefectLists.read(file)));
	}
}

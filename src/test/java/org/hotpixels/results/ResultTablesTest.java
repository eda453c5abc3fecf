package org.hotpixels.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;

import ij.measure.ResultsTable;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;

/** Reading defects back from ImageJ tables, as Correct Hot Pixels does with "Hot Pixels". */
class ResultTablesTest {

	@Test
	void theDefectTableReadsBackFieldForField() {
		final List<Defect> defects = Arrays.asList(new Defect(120, 30, Defect.ALL_CHANNELS,
			DefectKind.HOT, 2011.25, 310.5, 1650, 2380, 101, 95.5, 41.2, 1, 120, 30, 120, 30), new Defect(
				7, 9, 2, DefectKind.STUCK, 120, 0, 120, 120, 80, 12, 9.5, 2, 7, 9, 8, 9), new Defect(0, 4,
					0, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN,
					Double.NaN, 3, 0, 4, 0, 6));
		final List<Defect> read = ResultTables.defectsFrom(ResultTables.defects(defects));
		assertEquals(defects.size(), read.size());
		for (int i = 0; i < defects.size(); i++) {
			final Defect a = defects.get(i), b = read.get(i);
			final int row = i;
			assertEquals(Arrays.asList(a.x(), a.y(), a.channel(), a.kind(), a.clusterSize(), a.xMin(), a
				.yMin(), a.xMax(), a.yMax()), Arrays.asList(b.x(), b.y(), b.channel(), b.kind(), b
					.clusterSize(), b.xMin(), b.yMin(), b.xMax(), b.yMax()), () -> "row " + row);
			// min and max are in the CSV only, not in the table a person reads
			assertEquals(Arrays.asList(a.mean(), a.variance(), a.neighbourMean(), a.neighbourVariance(), a
				.score()), Arrays.asList(b.mean(), b.variance(), b.neighbourMean(), b.neighbourVariance(), b
					.score()), () -> "row " + row);
		}
	}

	@Test
	void columnAndRowSegmentsShowTheirExtent() {
		final List<Defect> lines = Arrays.asList(new Defect(12, 100, 0, DefectKind.COLUMN, 900, 40, 800,
			1000, 200, 38, 25, 261, 12, 40, 12, 300), new Defect(70, 5, Defect.ALL_CHANNELS,
				DefectKind.ROW, 20, 30, 10, 40, 200, 35, 18, 51, 50, 5, 100, 5));
		final ResultsTable rt = ResultTables.defects(lines);
		assertEquals("x 12, y 40..300", rt.getStringValue(ResultTables.EXTENT, 0));
		assertEquals("x 50..100, y 5", rt.getStringValue(ResultTables.EXTENT, 1));
		assertEquals("column", rt.getStringValue("kind", 0));
		final List<Defect> read = ResultTables.defectsFrom(rt);
		assertEquals(Arrays.asList(12, 40, 12, 300, 261), Arrays.asList(read.get(0).xMin(), read.get(0)
			.yMin(), read.get(0).xMax(), read.get(0).yMax(), read.get(0).clusterSize()));
		assertEquals(Arrays.asList(50, 5, 100, 5), Arrays.asList(read.get(1).xMin(), read.get(1).yMin(),
			read.get(1).xMax(), read.get(1).yMax()));
		assertEquals(DefectKind.ROW, read.get(1).kind());
	}

	@Test
	void theTablesShowFewColumnsWithUnits() {
		final ResultsTable rt = ResultTables.defects(Arrays.asList(Defect.pixel(1, 2, 0)));
		assertEquals(Arrays.asList("x", "y", "channel", "kind", "score (sigma)", "mean (DN)",
			"neighbours (DN)", "variance (DN^2)", "neighbours (DN^2)", "size (px)", "extent"), Arrays
				.asList(rt.getHeadings()));
	}

	@Test
	void aHandMadeTableNeedsOnlyXAndY() {
		final ResultsTable rt = new ResultsTable();
		for (int i = 0; i < 2; i++) {
			rt.incrementCounter();
			rt.addValue("y", 3 + 2 * i);
			rt.addValue("x", 4 + 2 * i);
		}
		final List<Defect> d = ResultTables.defectsFrom(rt);
		assertEquals(2, d.size());
		assertEquals(Defect.pixel(4, 3, Defect.ALL_CHANNELS).toString(), d.get(0).toString());
		assertEquals(6, d.get(1).xMax());
		rt.setValue("channel", 0, "all");
		rt.setValue("channel", 1, 1);
		final List<Defect> withChannels = ResultTables.defectsFrom(rt);
		assertEquals(Defect.ALL_CHANNELS, withChannels.get(0).channel());
		assertEquals(1, withChannels.get(1).channel());
	}

	@Test
	void badTablesAreOneSentenceNamingTheRow() {
		assertTrue(assertThrows(HotPixelsException.class, () -> ResultTables.defectsFrom(null))
			.getMessage().contains("\"Hot Pixels\" table"));
		final ResultsTable noY = new ResultsTable();
		noY.incrementCounter();
		noY.addValue("x", 1);
		assertEquals("The defect table has no x and y columns.", assertThrows(HotPixelsException.class,
			() -> ResultTables.defectsFrom(noY)).getMessage());
		final ResultsTable bad = new ResultsTable();
		for (final String x : new String[]{ "1", "2.5" }) {
			bad.incrementCounter();
			bad.addValue("x", x);
			bad.addValue("y", "0");
		}
		assertEquals("Defect table row 2: x is '2.5', not a whole number of 0 or more.", assertThrows(
			HotPixelsException.class, () -> ResultTables.defectsFrom(bad)).getMessage());
		final ResultsTable box = new ResultsTable();
		box.incrementCounter();
		box.addValue("x", 1);
		box.addValue("y", 1);
		box.addValue("x_min", 1);
		assertTrue(assertThrows(HotPixelsException.class, () -> ResultTables.defectsFrom(box))
			.getMessage().contains("x_min, y_min, x_max and y_max"));
	}
}

package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectCsvTest {

	@TempDir
	Path dir;

	private static List<Defect> read(final String text) throws IOException {
		return DefectCsv.read(new StringReader(text), "test.csv");
	}

	private static void assertSame(final Defect e, final Defect a) {
		assertEquals(e.x(), a.x());
		assertEquals(e.y(), a.y());
		assertEquals(e.channel(), a.channel());
		assertEquals(e.kind(), a.kind());
		assertEquals(e.mean(), a.mean(), 0);
		assertEquals(e.variance(), a.variance(), 0);
		assertEquals(e.min(), a.min(), 0);
		assertEquals(e.max(), a.max(), 0);
		assertEquals(e.neighbourMean(), a.neighbourMean(), 0);
		assertEquals(e.neighbourVariance(), a.neighbourVariance(), 0);
		assertEquals(e.score(), a.score(), 0);
		assertEquals(e.clusterSize(), a.clusterSize());
		assertEquals(Arrays.asList(e.xMin(), e.yMin(), e.xMax(), e.yMax()), Arrays.asList(a.xMin(), a
			.yMin(), a.xMax(), a.yMax()));
	}

	@Test
	void roundTripKeepsEveryValueExactly() throws IOException {
		final List<Defect> defects = Arrays.asList(//
			new Defect(120, 45, 0, DefectKind.HOT, 2011.25, 310.5, 1650, 2380, 101, 95.5, 41.2, 1, 120,
				45, 120, 45), //
			new Defect(7, 8, 2, DefectKind.STUCK, 0.1, 1e-7, -3.5, 123456.789, 1.0 / 3, Math.PI,
				Double.POSITIVE_INFINITY, 3, 6, 8, 8, 8), //
			new Defect(0, 0, Defect.ALL_CHANNELS, DefectKind.DEAD, 0, 0, 0, 0, 512, 12, 99, 4, 0, 0, 1,
				1), //
			Defect.pixel(3, 4, Defect.ALL_CHANNELS), //
			Defect.region(10, 20, 12, 20, 1, DefectKind.COLD));
		final Path file = dir.resolve("defects.csv");
		DefectCsv.write(file, defects);
		final List<Defect> back = DefectCsv.read(file);
		assertEquals(defects.size(), back.size());
		for (int i = 0; i < defects.size(); i++)
			assertSame(defects.get(i), back.get(i));
	}

	@Test
	void writesTheDocumentedLayout() throws IOException {
		final StringWriter out = new StringWriter();
		DefectCsv.write(out, Arrays.asList(new Defect(12, 34, Defect.ALL_CHANNELS, DefectKind.HOT, 100,
			2.5, 90, 110, Double.NaN, Double.NaN, 7.25, 1, 12, 34, 12, 34), Defect.pixel(1, 2, 0)));
		assertEquals("x,y,channel,kind,variance,mean,min,max,score,cluster_size,x_min,y_min," +
			"x_max,y_max,neighbour_mean,neighbour_variance\n" +
			"12,34,all,hot,2.5,100,90,110,7.25,1,12,34,12,34,,\n" + "1,2,0,,,,,,,1,1,2,1,2,,\n", out
				.toString());
	}

	@Test
	void readsAnyColumnOrderWithCommentsQuotesAndBom() throws IOException {
		final List<Defect> d = read("\uFEFF# made by hand\n\n" + "\"Y\", \"X\" ,Channel,Kind,note\n" + //
			"5,6,,hot,\"a, b\"\n" + //
			"# skipped\n" + //
			"7,8,ALL,,\n" + //
			"9,10,2,Cold,x\n");
		assertEquals(3, d.size());
		assertEquals(Arrays.asList(6, 5, Defect.ALL_CHANNELS), Arrays.asList(d.get(0).x(), d.get(0).y(),
			d.get(0).channel()));
		assertEquals(DefectKind.HOT, d.get(0).kind());
		assertEquals(Defect.ALL_CHANNELS, d.get(1).channel());
		assertNull(d.get(1).kind());
		assertEquals(2, d.get(2).channel());
		assertEquals(DefectKind.COLD, d.get(2).kind());
		assertEquals(Arrays.asList(10, 9, 10, 9, 1), Arrays.asList(d.get(2).xMin(), d.get(2).yMin(), d
			.get(2).xMax(), d.get(2).yMax(), d.get(2).clusterSize()));
	}

	@Test
	void readsLowestCsvAndSemicolons() throws IOException {
		final List<Defect> d = read(
			"rank,x,y,channel,variance,mean,min,max,neighbour_variance,variance_ratio\n" +
				"1,5,6,0,0.01,100,99,101,25.5,0.0004\n");
		assertEquals(1, d.size());
		assertEquals(5, d.get(0).x());
		assertEquals(0, d.get(0).channel());
		assertEquals(0.01, d.get(0).variance(), 0);
		assertEquals(25.5, d.get(0).neighbourVariance(), 0);
		assertTrue(Double.isNaN(d.get(0).score()));
		assertEquals(1, read("x;y;x_min;y_min;x_max;y_max\n3;4;2;4;3.0;5\n").size());
		assertEquals(4, read("x;y;x_min;y_min;x_max;y_max\n3;4;2;4;3.0;5\n").get(0).clusterSize());
	}

	private void assertBad(final String content, final String message) throws IOException {
		final Path file = dir.resolve("bad.csv");
		Files.write(file, content.getBytes(StandardCharsets.UTF_8));
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> DefectCsv.read(file));
		assertEquals(message, e.getMessage());
	}

	@Test
	void badLinesNameTheFileAndLine() throws IOException {
		assertBad("x,y\n1,2\n# note\nabc,4\n", "bad.csv line 4: x is 'abc', not a whole number.");
		assertBad("x,y\n1,2\n3,-4\n", "bad.csv line 3: y is -4, but positions start at 0.");
		assertBad("x,y,kind\n1,2,warm\n",
			"bad.csv line 2: the kind is 'warm', not stuck, dead, hot, cold, column or row.");
		assertBad("x,y,channel\n1,2,red\n",
			"bad.csv line 2: the channel is 'red', not a whole number.");
		assertBad("x,y,mean\n1,2,lots\n", "bad.csv line 2: mean is 'lots', not a number.");
		assertBad("x,y\n1\n", "bad.csv line 2: expected values for x and y, got '1'.");
		assertBad("# c\ncol,row\n1,2\n",
			"bad.csv line 2: expected a header with x and y columns, got 'col,row'.");
		assertBad("x,y,x_min,x_max\n", "bad.csv line 1: the bounding box needs all of x_min, " +
			"y_min, x_max and y_max, or none of them.");
		assertBad("x,y,x_min,y_min,x_max,y_max\n1,1,2,2,1,1\n",
			"bad.csv line 2: the bounding box (2, 2)-(1, 1) is empty.");
		assertBad("# only a comment\n",
			"bad.csv is empty: expected a header line with x and y columns.");
	}

	@Test
	void missingFileIsAUserError() {
		assertThrows(HotPixelsException.class, () -> DefectCsv.read(dir.resolve("none.csv")));
	}
}

package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SirilCosmeticListTest {

	@TempDir
	Path dir;

	private static List<Defect> read(final String text) throws IOException {
		return SirilCosmeticList.read(new StringReader(text), "hot.lst");
	}

	@Test
	void readsPixelsColumnsAndLines() throws IOException {
		final List<Defect> d = read("# from find_hot\nP 10 20 H\nP 11 21\nP 12 22 C\n" +
			"C 5 0\nL 7 0 H\n\nP 13.0 23\nc 6\n");
		assertEquals(7, d.size());
		assertEquals(Arrays.asList(10, 20, Defect.ALL_CHANNELS), Arrays.asList(d.get(0).x(), d.get(0)
			.y(), d.get(0).channel()));
		assertEquals(DefectKind.HOT, d.get(0).kind());
		assertNull(d.get(1).kind());
		assertEquals(DefectKind.COLD, d.get(2).kind());
		assertEquals(Arrays.asList(5, 0, 5, DefectLists.IMAGE_EDGE), box(d.get(3)));
		assertEquals(Arrays.asList(0, 7, DefectLists.IMAGE_EDGE, 7), box(d.get(4)));
		assertEquals(Arrays.asList(13, 23, 13, 23), box(d.get(5)));
		assertEquals(Arrays.asList(6, 0, 6, DefectLists.IMAGE_EDGE), box(d.get(6)));
	}

	private static List<Integer> box(final Defect d) {
		return Arrays.asList(d.xMin(), d.yMin(), d.xMax(), d.yMax());
	}

	private static void assertBad(final String text, final String message) {
		assertEquals(message, assertThrows(HotPixelsException.class, () -> read(text)).getMessage());
	}

	@Test
	void badLinesNameTheFileAndLine() {
		assertBad("P 1 2\nX 1 2\n",
			"hot.lst line 2: expected 'P x y', 'C x 0' or 'L y 0', got 'X 1 2'.");
		assertBad("P 1\n", "hot.lst line 1: expected 'P x y', 'C x 0' or 'L y 0', got 'P 1'.");
		assertBad("# c\nP a 2\n", "hot.lst line 2: x is 'a', not a number.");
		assertBad("P 1 2 Z\n",
			"hot.lst line 1: expected type H (hot) or C (cold) at the end, got 'P 1 2 Z'.");
		assertBad("L -3 0\n", "hot.lst line 1: the line is -3, but positions start at 0.");
	}

	@Test
	void writesWholeColumnsAndLinesForAKnownSize() throws IOException {
		final List<Defect> defects = new ArrayList<>();
		defects.add(Defect.region(5, 0, 5, 29, 0, null)); // whole column of a 40x30 image
		defects.add(Defect.region(0, 7, 39, 8, Defect.ALL_CHANNELS, null)); // two whole lines
		defects.add(Defect.region(9, 0, 9, 28, 0, null)); // not whole: pixels
		defects.add(Defect.pixel(5, 12, 0)); // inside the column: not repeated
		defects.add(new Defect(3, 4, 0, DefectKind.HOT, 0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 3, 4));
		defects.add(new Defect(3, 4, 1, DefectKind.DEAD, 0, 0, 0, 0, 0, 0, 0, 1, 3, 4, 3, 4));
		defects.add(new Defect(2, 2, 1, DefectKind.DEAD, 0, 0, 0, 0, 0, 0, 0, 1, 2, 2, 2, 2));
		final StringWriter out = new StringWriter();
		SirilCosmeticList.write(out, defects, 40, 30);
		final List<String> lines = new ArrayList<>();
		for (final String l : out.toString().split("\n"))
			if (!l.startsWith("#")) lines.add(l);
		final List<String> expected = new ArrayList<>(Arrays.asList("C 5 0", "L 7 0", "L 8 0",
			"P 3 4 H", "P 2 2 C"));
		for (int y = 0; y <= 28; y++)
			if (y != 7 && y != 8) expected.add("P 9 " + y);
		assertEquals(expected, lines);
		// reading it back covers the same pixels of the 40x30 image
		final List<Defect> back = DefectLists.clip(read(out.toString()), 40, 30);
		assertEquals(Positions.merged(defects), Positions.of(back));
	}

	@Test
	void roundTripWithoutSizeKeepsColumnsAndLines() throws IOException {
		final List<Defect> first = read("C 3 0\nL 4 0\nP 1 1 H\nP 2 2 C\nP 6 6\n");
		final Path file = dir.resolve("out.lst");
		SirilCosmeticList.write(file, first);
		final List<Defect> again = SirilCosmeticList.read(file);
		assertEquals(Positions.of(DefectLists.clip(first, 20, 20)), Positions.of(DefectLists.clip(again,
			20, 20)));
		assertEquals(Arrays.asList(DefectKind.HOT, DefectKind.COLD, null), Arrays.asList(again.get(2)
			.kind(), again.get(3).kind(), again.get(4).kind()));
	}
}

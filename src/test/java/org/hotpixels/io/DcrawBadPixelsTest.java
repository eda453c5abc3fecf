package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcrawBadPixelsTest {

	@TempDir
	Path dir;

	@Test
	void readsDcrawsOwnLayout() throws IOException {
		// laid out like the .badpixels example shipped with dcraw
		final String text = "# .badpixels file for my camera\n\n" +
			"# Format is: pixel column, pixel row, UNIX time of death\n" + " 962   91 1028350000\n" + //
			" 621  943 0\n" + //
			"1285 1067\n" + // time omitted: accepted here
			" 555  698 1135100000\t# December 20-21, 2005\n";
		final List<Defect> d = DcrawBadPixels.read(new StringReader(text), ".badpixels");
		assertEquals(new TreeSet<>(Arrays.asList("962,91,all", "621,943,all", "1285,1067,all",
			"555,698,all")), Positions.of(d));
		for (final Defect x : d)
			assertEquals(1, x.clusterSize());
	}

	@Test
	void roundTripMergesChannelsAndExpandsBoxes() throws IOException {
		final List<Defect> defects = Arrays.asList(Defect.pixel(5, 6, 0), Defect.pixel(5, 6, 2), Defect
			.region(10, 1, 11, 2, Defect.ALL_CHANNELS, DefectKind.HOT), Defect.pixel(0, 0, 1));
		final Path file = dir.resolve("dead.txt");
		DcrawBadPixels.write(file, defects);
		final List<String> lines = Files.readAllLines(file);
		assertTrue(lines.get(0).startsWith("#"));
		assertEquals(Arrays.asList("0 0 0", "10 1 0", "11 1 0", "10 2 0", "11 2 0", "5 6 0"), lines
			.stream().filter(l -> !l.startsWith("#")).collect(Collectors.toList()));
		assertEquals(Positions.merged(defects), Positions.of(DcrawBadPixels.read(file)));
	}

	@Test
	void badLinesNameTheFileAndLine() throws IOException {
		final Path file = dir.resolve("dead.txt");
		Files.write(file, "# ok\n1 2 0\nabc def 0\n".getBytes(StandardCharsets.UTF_8));
		assertEquals("dead.txt line 3: the column is 'abc', not a whole number.", assertThrows(
			HotPixelsException.class, () -> DcrawBadPixels.read(file)).getMessage());
		Files.write(file, "1 2 0\n17\n".getBytes(StandardCharsets.UTF_8));
		assertEquals("dead.txt line 2: expected 'column row [unix-time]', got '17'.", assertThrows(
			HotPixelsException.class, () -> DcrawBadPixels.read(file)).getMessage());
		Files.write(file, "1 2 soon\n".getBytes(StandardCharsets.UTF_8));
		assertTrue(assertThrows(HotPixelsException.class, () -> DcrawBadPixels.read(file)).getMessage()
			.startsWith("dead.txt line 1: expected a unix time"));
	}

	@Test
	void wholeColumnsMustBeClippedFirst() throws IOException {
		final List<Defect> column = Arrays.asList(DefectLists.region(3, 0, 3, DefectLists.IMAGE_EDGE,
			Defect.ALL_CHANNELS, null));
		assertThrows(IllegalArgumentException.class, () -> DcrawBadPixels.write(dir.resolve("c.txt"),
			column));
		assertEquals(4, Positions.of(DcrawBadPixels.read(writeAndGet(DefectLists.clip(column, 10, 4))))
			.size());
	}

	private Path writeAndGet(final List<Defect> defects) throws IOException {
		final Path file = dir.resolve("clipped.txt");
		DcrawBadPixels.write(file, defects);
		return file;
	}
}

package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawTherapeeBadPixelsTest {

	@TempDir
	Path dir;

	private static List<Defect> read(final String text) throws IOException {
		return RawTherapeeBadPixels.read(new StringReader(text), "NIKON D800.badpixels");
	}

	@Test
	void singleNumberOnTheFirstLineIsAnOffset() throws IOException {
		assertEquals(new TreeSet<>(Arrays.asList("12,22,all", "13,23,all")), Positions.of(read(
			"2\n10 20\n11 21 extra\n")));
		assertEquals(new TreeSet<>(Arrays.asList("10,20,all")), Positions.of(read(
			"# comment\n\n10 20\n")));
		assertEquals(new TreeSet<>(Arrays.asList("8,18,all")), Positions.of(read("-2\n10 20\n")));
	}

	@Test
	void singleNumberLaterIsABadLine() {
		final HotPixelsException e = assertThrows(HotPixelsException.class, () -> read("10 20\n\n7\n"));
		assertEquals("NIKON D800.badpixels line 3: expected 'x y', got '7'.", e.getMessage());
		assertEquals("NIKON D800.badpixels line 2: (-1, 4) is not a pixel (offset -5 included).",
			assertThrows(HotPixelsException.class, () -> read("-5\n4 9\n")).getMessage());
	}

	@Test
	void roundTrip() throws IOException {
		final List<Defect> defects = Arrays.asList(Defect.pixel(100, 3, 1), Defect.region(0, 0, 1, 0,
			Defect.ALL_CHANNELS, null));
		final Path file = dir.resolve("NIKON D800.badpixels");
		RawTherapeeBadPixels.write(file, defects);
		assertEquals(Arrays.asList("0 0", "1 0", "100 3"), Files.readAllLines(file).subList(1, 4));
		assertEquals(Positions.merged(defects), Positions.of(RawTherapeeBadPixels.read(file)));
	}
}

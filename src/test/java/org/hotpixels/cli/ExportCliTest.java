package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.hotpixels.TestSeries;
import org.hotpixels.detect.Defect;
import org.hotpixels.io.DefectLists;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** find's Siril list and report, and {@code hotpixels export} into every format. */
class ExportCliTest {

	@TempDir
	static Path tmp;
	static Path out;

	@BeforeAll
	static void find() throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 20);
		out = tmp.resolve("out");
		CliRun.of("find", tmp.resolve("in").toString(), "-o", out.toString()).assertSuccess();
	}

	/** The pixels a list covers on the test series' image, channels merged. */
	private static TreeSet<String> pixels(final Path list) throws Exception {
		final TreeSet<String> set = new TreeSet<>();
		for (final Defect d : DefectLists.clip(DefectLists.read(list), TestSeries.W, TestSeries.H))
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					set.add(x + "," + y);
		return set;
	}

	@Test
	void findWritesASirilListOfItsDefects() throws Exception {
		final Path siril = out.resolve("siril-cosmetic.lst");
		final List<String> lines = Files.readAllLines(siril, StandardCharsets.UTF_8);
		assertTrue(lines.contains("P 120 30 H"), lines.toString());
		assertTrue(lines.contains("P 50 60"), lines.toString()); // stuck: no type (Siril: hot)
		assertEquals(pixels(out.resolve("defects.csv")), pixels(siril));
	}

	@Test
	void findWritesTheReport() throws Exception {
		final String html = new String(Files.readAllBytes(out.resolve("report.html")),
			StandardCharsets.UTF_8);
		assertTrue(html.contains("3 defects found in 20 frames"), html.substring(0, 600));
		assertTrue(html.contains("<title>hot at 120,30"), "the hot pixel is marked");
	}

	@Test
	void exportWritesEveryFormatCoveringTheSamePixels() throws Exception {
		final TreeSet<String> expected = pixels(out.resolve("defects.csv"));
		for (final String name : Arrays.asList("again.lst", "dcraw.txt", "Acme Cam.badpixels",
			"mask.tif", "mask.png", "copy.csv"))
		{
			final Path target = tmp.resolve("export").resolve(name);
			Files.createDirectories(target.getParent());
			final String o = CliRun.of("export", out.resolve("defects.csv").toString(), "-o", target
				.toString()).assertSuccess();
			assertTrue(o.contains("image 200x150"), o); // the size of variance.tif beside it
			assertEquals(expected, pixels(target), name);
		}
		assertEquals(new String(Files.readAllBytes(out.resolve("siril-cosmetic.lst")),
			StandardCharsets.UTF_8), new String(Files.readAllBytes(tmp.resolve("export/again.lst")),
				StandardCharsets.UTF_8));
		// --format overrides the name: dcraw's own default name
		final Path dcraw = tmp.resolve("export/.badpixels");
		CliRun.of("export", out.resolve("defects.csv").toString(), "-o", dcraw.toString(), "--format",
			"dcraw").assertSuccess();
		assertTrue(Files.readAllLines(dcraw).contains("120 30 0"));
	}

	@Test
	void wholeColumnsNeedTheImageSize() throws Exception {
		final Path dir = tmp.resolve("columns");
		Files.createDirectories(dir);
		final Path lst = dir.resolve("cols.lst");
		Files.write(lst, Arrays.asList("C 3 0", "L 4 0", "P 1 1 H"));
		CliRun.of("export", lst.toString(), "-o", dir.resolve("m.tif").toString()).assertUserError(
			"cols.lst: the image size is unknown", "--size");
		CliRun.of("export", lst.toString(), "-o", dir.resolve("d.txt").toString()).assertUserError(
			"for its whole columns or rows");
		CliRun.of("export", lst.toString(), "-o", dir.resolve("d.txt").toString(), "--size", "8x6")
			.assertSuccess();
		assertEquals(6 + 8 - 1 + 1, Files.readAllLines(dir.resolve("d.txt")).stream().filter(l -> !l
			.startsWith("#")).count());
		// Siril needs no size for its own lines
		CliRun.of("export", lst.toString(), "-o", dir.resolve("again.lst").toString()).assertSuccess();
		assertTrue(Files.readAllLines(dir.resolve("again.lst")).containsAll(Arrays.asList("C 3 0",
			"L 4 0", "P 1 1 H")));
	}

	@Test
	void mistakesAreOneLine() throws Exception {
		final String csv = out.resolve("defects.csv").toString();
		CliRun.of("export", csv, "-o", out.resolve("lowest.csv").toString()).assertUserError(
			"lowest.csv: already exists");
		CliRun.of("export", csv, "-o", csv, "--overwrite").assertUserError("is the list being read");
		CliRun.of("export", csv, "-o", tmp.resolve("x.lst").toString(), "--format", "gif")
			.assertUserError("--format is 'gif'");
		CliRun.of("export", csv, "-o", tmp.resolve("x.lst").toString(), "--size", "big")
			.assertUserError("--size is 'big'");
		CliRun.of("export", tmp.resolve("missing.csv").toString(), "-o", tmp.resolve("y.lst")
			.toString()).assertUserError("missing.csv");
	}
}

package org.hotpixels.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.io.Opener;
import ij.process.ShortProcessor;

import org.hotpixels.ExternalProgram;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Siril list we write, applied by the real Siril ({@code siril-cli}, {@code cosme}): it
 * repairs exactly the listed pixels (y from the top, as we write it), whole columns and rows
 * through its C and L lines and partial segments through P lines.
 */
class SirilCosmeRealTest {

	private static final int W = 64, H = 48;

	@TempDir
	Path dir;

	private static int ramp(final int x, final int y) {
		return 1000 + x + y;
	}

	private static Defect line(final DefectKind kind, final int xMin, final int yMin, final int xMax,
		final int yMax, final double mean)
	{
		return new Defect(xMin, yMin, Defect.ALL_CHANNELS, kind, mean, 30, mean, mean, 1050, 30, 50,
			(xMax - xMin + 1) * (yMax - yMin + 1), xMin, yMin, xMax, yMax);
	}

	/** A whole hot column (C line), partial segments (P lines) and a pixel near the top. */
	@Test
	void cosmeRepairsOurColumnSegmentsAndPixels() throws Exception {
		check(Arrays.asList(//
			line(DefectKind.COLUMN, 10, 0, 10, H - 1, 30000), // whole hot column: C 10 0 H
			line(DefectKind.COLUMN, 20, 5, 20, 30, 30000), // partial hot column: P lines
			line(DefectKind.ROW, 30, 40, 50, 40, 100), // partial cold row
			new Defect(5, 3, Defect.ALL_CHANNELS, DefectKind.HOT, 20000, 9, 0, 0, 1008, 9, 80, 1, 5, 3, 5,
				3)), // near the top: a y flip would miss it
			"\nC 10 0 H\n", "\nP 20 5 C\n", "\nP 30 40 C\n", "\nP 5 3 H\n");
	}

	/**
	 * A whole dead row (L line) near the top. (Not together with a whole column: Siril repairs one
	 * line after the other from the values around it at that moment, so where a column crosses a
	 * row, the one repaired first takes in the other's defective pixels.)
	 */
	@Test
	void cosmeRepairsOurWholeRow() throws Exception {
		check(Arrays.asList(line(DefectKind.ROW, 0, 6, W - 1, 6, 5)), "\nL 6 0 C\n");
	}

	private void check(final List<Defect> defects, final String... lines) throws Exception {
		final Path siril = ExternalProgram.require("siril-cli", "siril");
		final ShortProcessor ip = new ShortProcessor(W, H);
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++)
				ip.set(x, y, ramp(x, y));
		for (final Defect d : defects)
			for (int y = d.yMin(); y <= d.yMax(); y++)
				for (int x = d.xMin(); x <= d.xMax(); x++)
					ip.set(x, y, (int) d.mean());
		new FileSaver(new ImagePlus("in", ip)).saveAsTiff(dir.resolve("in.tif").toString());
		SirilCosmeticList.write(dir.resolve("ours.lst"), defects, W, H);
		final String list = new String(Files.readAllBytes(dir.resolve("ours.lst")),
			StandardCharsets.UTF_8);
		for (final String l : lines)
			assertTrue(list.contains(l), l.trim() + " not in\n" + list);
		Files.write(dir.resolve("apply.ssf"), Arrays.asList("requires 1.0.0", "set16bits",
			"load in.tif", "cosme ours.lst", "savetif out"));
		final String log = ExternalProgram.run(dir, 120, siril.toString(), "-d", dir.toString(), "-s",
			dir.resolve("apply.ssf").toString());
		final ImagePlus out = new Opener().openImage(dir.resolve("out.tif").toString());
		assertEquals(16, out.getBitDepth(), log);
		final Set<String> listed = Positions.merged(defects);
		int repaired = 0;
		for (int y = 0; y < H; y++)
			for (int x = 0; x < W; x++) {
				final int v = out.getProcessor().get(x, y);
				if (listed.contains(x + "," + y + ",all")) {
					assertTrue(Math.abs(v - ramp(x, y)) <= 12, "(" + x + ", " + y + ") is " + v +
						" after Siril's cosme, expected about " + ramp(x, y) + "\n" + log);
					repaired++;
				}
				else assertEquals(ramp(x, y), v, "(" + x + ", " + y + ") changed\n" + log);
			}
		assertEquals(listed.size(), repaired);
	}
}

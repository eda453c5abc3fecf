package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every example macro in {@code macros/} run to completion in real ImageJ 1.54p ({@code -batch},
 * under Xvfb) with the built drop-in jar, checked against the defects planted in its input.
 */
class MacroIT {

	/** The macros these tests run; a new macro without a test fails {@link #everyMacroIsTested}. */
	private static final String[] TESTED = { "find_in_open_stack.ijm", "find_in_folder.ijm",
		"batch_cameras.ijm", "correct_folder.ijm" };

	private static final PlantedSeries SERIES = new PlantedSeries(1, new int[]{ 30, 20 }, new int[]{
		70, 45 }, new int[]{ 10, 80 });

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	@Test
	void everyMacroIsTested() throws IOException {
		final Set<String> found = new TreeSet<>();
		try (DirectoryStream<Path> s = Files.newDirectoryStream(ImageJRun.macros(), "*.ijm")) {
			for (final Path p : s)
				found.add(p.getFileName().toString());
		}
		assertEquals(new TreeSet<>(java.util.Arrays.asList(TESTED)), found,
			"every macro in macros/ needs a test here");
	}

	@Test
	void findInOpenStackMakesItsOwnSeries() throws Exception {
		final Path out = tmp.resolve("out");
		final ImageJRun.Result r = imagej().batch(macro("find_in_open_stack.ijm"), "output=[" + out +
			"]");
		assertFinished(r, "Saved to");
		final DefectRows rows = new DefectRows(out.resolve("hot-pixels.csv"));
		// the planted defects named in the macro's header
		assertEquals("stuck", rows.kindAt(new int[]{ 40, 30 }), rows::toString);
		assertEquals("hot", rows.kindAt(new int[]{ 90, 60 }), rows::toString);
		assertEquals("dead", rows.kindAt(new int[]{ 15, 100 }), rows::toString);
		assertEquals(3, rows.size(), rows::toString);
		final ImagePlus map = IJ.openImage(out.resolve("variance-map.tif").toString());
		assertEquals(32, map.getBitDepth());
		assertEquals(0, map.getProcessor().getf(40, 30), 0.0, "a stuck pixel has no variance");
	}

	@Test
	void findInOpenStackOnAVirtualStack() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		final Path out = tmp.resolve("out");
		final ImageJRun.Result r = imagej().batch(macro("find_in_open_stack.ijm"), "image=[" + stack +
			"] virtual output=[" + out + "]");
		assertFinished(r, "Saved to");
		assertTrue(r.out.contains("as a virtual stack"), r::toString);
		assertPlanted(new DefectRows(out.resolve("hot-pixels.csv")), SERIES);
	}

	@Test
	void findInFolderSavesTablesAndMap() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		Files.write(in.resolve("notes.txt"), "not an image".getBytes("UTF-8"));
		final Path out = tmp.resolve("results");
		final ImageJRun.Result r = imagej().batch(macro("find_in_folder.ijm"), "input=[" + in +
			"] pattern=*.tif output=[" + out + "]");
		assertFinished(r, "defects found in");
		assertPlanted(new DefectRows(out.resolve("hot-pixels.csv")), SERIES);
		final DefectRows lowest = new DefectRows(out.resolve("lowest-variance.csv"));
		assertEquals(20, lowest.size(), "top_n=20");
		assertEquals(SERIES.stuck[0], Double.parseDouble(lowest.get(0, "x")), 0.0, "stuck = lowest");
		assertEquals(SERIES.stuck[1], Double.parseDouble(lowest.get(0, "y")), 0.0);
		final ImagePlus map = IJ.openImage(out.resolve("variance-map.tif").toString());
		assertEquals(PlantedSeries.W, map.getWidth());
		assertEquals(0, map.getProcessor().getf(SERIES.stuck[0], SERIES.stuck[1]), 0.0);
	}

	@Test
	void batchOverCameraFolders() throws Exception {
		final PlantedSeries a = SERIES;
		final PlantedSeries b = new PlantedSeries(2, new int[]{ 100, 10 }, null, new int[]{ 5, 5 });
		a.writeFolder(tmp.resolve("cameras/alpha"));
		b.writeFolder(tmp.resolve("cameras/beta"));
		Files.write(tmp.resolve("cameras/readme.txt"), "cameras".getBytes("UTF-8"));
		final Path out = tmp.resolve("defects");
		final ImageJRun.Result r = imagej().batch(macro("batch_cameras.ijm"), "cameras=[" + tmp.resolve(
			"cameras") + "] output=[" + out + "]");
		assertFinished(r, "2 cameras");
		assertPlanted(new DefectRows(out.resolve("alpha/defects.csv")), a);
		assertPlanted(new DefectRows(out.resolve("beta/defects.csv")), b);
		for (final String f : new String[]{ "variance.tif", "mean.tif", "lowest.csv" })
			assertTrue(Files.size(out.resolve("beta").resolve(f)) > 0, f);
		final DefectRows summary = new DefectRows(out.resolve("summary.csv"));
		assertEquals(2, summary.size(), summary::toString);
		assertEquals("alpha", summary.get(0, "camera"));
		assertEquals(3, Double.parseDouble(summary.get(0, "defects")), 0.0, summary::toString);
		assertEquals("beta", summary.get(1, "camera"));
		assertEquals(1, Double.parseDouble(summary.get(1, "stuck")), 0.0, summary::toString);
		assertEquals(0, Double.parseDouble(summary.get(1, "hot")), 0.0, summary::toString);
		assertEquals(1, Double.parseDouble(summary.get(1, "dead")), 0.0, summary::toString);
	}

	@Test
	void correctFolderRepairsOnlyThePlantedPixels() throws Exception {
		final Path in = SERIES.writeFolder(tmp.resolve("frames"));
		final Path list = tmp.resolve("planted.csv"); // written by hand: the reference positions
		Files.write(list, ("x,y\n" + SERIES.stuck[0] + "," + SERIES.stuck[1] + "\n" + SERIES.hot[0] +
			"," + SERIES.hot[1] + "\n" + SERIES.dead[0] + "," + SERIES.dead[1] + "\n").getBytes("UTF-8"));
		final Path out = tmp.resolve("corrected");
		final ImageJRun.Result r = imagej().batch(macro("correct_folder.ijm"), "input=[" + in +
			"] defects=[" + list + "] output=[" + out + "] format=same");
		assertFinished(r, "Corrected " + PlantedSeries.FRAMES + " images into");
		for (int f = 0; f < PlantedSeries.FRAMES; f++) {
			final String name = String.format("frame_%02d.tif", f);
			RepairCheck.assertRepaired(IJ.openImage(in.resolve(name).toString()).getProcessor(), IJ
				.openImage(out.resolve(name).toString()).getProcessor(), name, SERIES.stuck, SERIES.hot,
				SERIES.dead);
		}
	}

	/** Exactly the planted defects, each of its kind. */
	static void assertPlanted(final DefectRows rows, final PlantedSeries s) {
		int planted = 0;
		if (s.stuck != null && ++planted > 0) assertEquals("stuck", rows.kindAt(s.stuck),
			rows::toString);
		if (s.hot != null && ++planted > 0) assertEquals("hot", rows.kindAt(s.hot), rows::toString);
		if (s.dead != null && ++planted > 0) assertEquals("dead", rows.kindAt(s.dead), rows::toString);
		assertEquals(planted, rows.size(), rows::toString);
	}

	/** Ended normally, printed {@code lastWords}, and printed no error. */
	static void assertFinished(final ImageJRun.Result r, final String lastWords) {
		assertEquals(0, r.exitCode, r::toString);
		assertTrue(r.out.contains(lastWords), r::toString);
		assertFalse(r.out.contains("Exception") || r.err.contains("Exception"), r::toString);
		assertFalse(r.out.contains("Find Hot Pixels:"), r::toString);
	}

	private ImageJRun imagej() throws IOException {
		return new ImageJRun(tmp.resolve("ij"), ImageJRun.mavenImageJ());
	}

	private static Path macro(final String name) {
		return ImageJRun.macros().resolve(name);
	}
}

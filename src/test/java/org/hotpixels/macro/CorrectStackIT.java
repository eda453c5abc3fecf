package org.hotpixels.macro;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.IJ;
import ij.ImagePlus;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Find then Correct on an open stack, with the defects of the "Hot Pixels" table: the macro
 * line Fiji records ({@code use_table=true}) and the one ImageJ 1 records ({@code use_table}),
 * both in real ImageJ. Also Correct's one-sentence mistakes.
 */
class CorrectStackIT {

	private static final PlantedSeries SERIES = new PlantedSeries(5, new int[]{ 44, 33 }, new int[]{
		90, 12 }, new int[]{ 7, 70 });

	@TempDir
	Path tmp;

	@BeforeAll
	static void needsXvfb() {
		ImageJRun.assumeXvfb();
	}

	@Test
	void correctsTheOpenStackWithTheTable() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		for (final String flag : new String[]{ "use_table=true", "use_table" }) {
			final Path out = tmp.resolve(flag + ".tif");
			final ImageJRun.Result r = imagej().batch(macro("open('" + stack + "');",
				"run('Find Hot Pixels', 'top_n=5');", "selectImage('series.tif');",
				"run('Correct Hot Pixels', '" + flag + " cfa=none');", "print('active: ' + getTitle());",
				"saveAs('Tiff', '" + out + "');", "print('done');"), "");
			MacroIT.assertFinished(r, "done");
			assertTrue(r.out.contains("active: series.tif-corrected"), r::toString);
			final ImagePlus before = IJ.openImage(stack.toString()), after = IJ.openImage(out.toString());
			assertEquals(before.getStackSize(), after.getStackSize());
			for (int s = 1; s <= before.getStackSize(); s++)
				RepairCheck.assertRepaired(before.getStack().getProcessor(s), after.getStack().getProcessor(
					s), flag + " slice " + s, SERIES.stuck, SERIES.hot, SERIES.dead);
		}
	}

	@Test
	void mistakesAreOneSentence() throws Exception {
		final Path stack = SERIES.writeStack(tmp.resolve("series.tif"));
		final ImageJRun.Result none = imagej().batch(macro("open('" + stack + "');",
			"run('Correct Hot Pixels', 'cfa=none');", "print('after');"), "");
		assertTrue(none.out.contains(
			"Correct Hot Pixels: Choose a defect file, or use the Hot Pixels table of Find Hot Pixels."),
			none::toString);
		assertTrue(!none.out.contains("after"), none::toString);
		final ImageJRun.Result cfa = imagej().batch(macro("open('" + stack + "');",
			"run('Correct Hot Pixels', 'use_table cfa=XYZW');"), "");
		assertTrue(cfa.out.contains(
			"Correct Hot Pixels: cfa must be none, RGGB, BGGR, GRBG or GBRG (got 'XYZW')."),
			cfa::toString);
		final Path list = tmp.resolve("list.csv");
		Files.write(list, "x,y\n1,2\n".getBytes(StandardCharsets.UTF_8));
		final ImageJRun.Result folder = imagej().batch(macro("run('Correct Hot Pixels', " +
			"'input_folder=[" + tmp + "] defect_file=[" + list + "]');"), "");
		assertTrue(folder.out.contains("Correct Hot Pixels: Choose an output folder"),
			folder::toString);
	}

	private ImageJRun imagej() throws java.io.IOException {
		return new ImageJRun(tmp.resolve("ij"), ImageJRun.mavenImageJ());
	}

	private Path macro(final String... lines) throws java.io.IOException {
		final Path m = Files.createTempFile(tmp, "test", ".ijm");
		Files.write(m, String.join("\n", lines).replace('\'', '"').getBytes(StandardCharsets.UTF_8));
		return m;
	}
}

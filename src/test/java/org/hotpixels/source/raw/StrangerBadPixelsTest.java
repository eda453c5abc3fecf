package org.hotpixels.source.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import ij.ImagePlus;
import ij.io.Opener;

import org.hotpixels.cli.HotPixelsCli;
import org.hotpixels.source.CfaPattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * dcraw applies any {@code .badpixels} file in the current folder or above it unless told
 * otherwise. find and correct run here (in a separate Java process) from a folder holding such a
 * file, listing a planted hot pixel and three ordinary ones: the hot pixel must still be found,
 * and the ordinary ones must come out of correct unchanged.
 */
class StrangerBadPixelsTest {

	private static final int W = RawSeriesFindTest.W, H = RawSeriesFindTest.H;
	/** The stranger's list: the planted hot pixel and three ordinary pixels. */
	private static final int[][] LISTED = { { 30, 20 }, { 10, 10 }, { 41, 12 }, { 60, 50 } };

	@Test
	void dcrawIgnoresABadPixelsFileInTheWorkingFolder(@TempDir final Path tmp) throws Exception {
		RawTests.dcraw();
		run(tmp, null);
	}

	@Test
	void libRawIgnoresABadPixelsFileInTheWorkingFolder(@TempDir final Path tmp) throws Exception {
		final Path identify = RawTests.which("raw-identify");
		RawTests.libRaw();
		run(tmp, identify);
	}

	private static void run(final Path tmp, final Path decoder) throws Exception {
		final Path cwd = Files.createDirectories(tmp.resolve("work"));
		final Path raw = Files.createDirectories(cwd.resolve("raw"));
		for (int f = 0; f < 16; f++)
			new DngWriter(W, H, RawSeriesFindTest.darkFrame(f)).cfa(CfaPattern.RGGB).write(raw.resolve(
				String.format("IMG_%04d.DNG", f)));
		final StringBuilder list = new StringBuilder();
		for (final int[] p : LISTED)
			list.append(p[0]).append(' ').append(p[1]).append(" 0\n");
		Files.write(cwd.resolve(".badpixels"), list.toString().getBytes(StandardCharsets.US_ASCII));
		Files.write(tmp.resolve(".badpixels"), list.toString().getBytes(StandardCharsets.US_ASCII));

		cli(cwd, decoder, "find", "raw", "-o", "out", "--correct", "fixed");
		final Set<String> found = new HashSet<>();
		final List<String> rows = Files.readAllLines(cwd.resolve("out/defects.csv"));
		for (final String row : rows.subList(1, rows.size())) {
			final String[] c = row.split(",");
			found.add(c[0] + "," + c[1]);
		}
		assertEquals(new HashSet<>(Arrays.asList("30,20", "51,33", "70,41")), found, rows::toString);
		cli(cwd, decoder, "correct", "raw", "--defects", "out/defects.csv", "-o", "fixed2");
		for (final String folder : new String[]{ "fixed", "fixed2" })
			for (int f = 0; f < 16; f += 15) {
				final String name = String.format("IMG_%04d.tif", f);
				final ImagePlus imp = new Opener().openImage(cwd.resolve(folder).resolve(name).toString());
				final short[] original = RawSeriesFindTest.darkFrame(f);
				for (int i = 1; i < LISTED.length; i++) {
					final int x = LISTED[i][0], y = LISTED[i][1];
					assertEquals(original[y * W + x] & 0xffff, imp.getProcessor().get(x, y), folder + "/" +
						name + " changed the ordinary pixel " + x + "," + y);
				}
			}
	}

	/** Runs the command line in a new Java process whose working folder is {@code cwd}. */
	private static void cli(final Path cwd, final Path decoder, final String... args)
		throws Exception
	{
		final List<String> command = new ArrayList<>(Arrays.asList(System.getProperty("java.home") +
			File.separator + "bin" + File.separator + "java", "-Xmx256m"));
		if (decoder != null) command.add("-D" + RawDecoder.PATH_PROPERTY + "=" + decoder);
		command.addAll(Arrays.asList("-cp", System.getProperty("java.class.path"), HotPixelsCli.class
			.getName()));
		command.addAll(Arrays.asList(args));
		final Path log = cwd.getParent().resolve("log.txt");
		final Process p = new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true)
			.redirectOutput(log.toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "still running after 2 minutes");
		final String text = new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
		assertEquals(0, p.exitValue(), String.join(" ", args) + ":\n" + text);
	}
}

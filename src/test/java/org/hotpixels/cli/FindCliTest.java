package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import org.hotpixels.TestSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line end to end on a temporary folder. */
class FindCliTest {

	/** Runs the CLI, returning {exit code, stdout, stderr}. */
	static Object[] cli(final String... args) {
		final PrintStream out = System.out, err = System.err;
		final ByteArrayOutputStream o = new ByteArrayOutputStream(), e = new ByteArrayOutputStream();
		System.setOut(new PrintStream(o, true));
		System.setErr(new PrintStream(e, true));
		try {
			final int code = HotPixelsCli.run(args);
			return new Object[]{ code, o.toString(), e.toString() };
		}
		finally {
			System.setOut(out);
			System.setErr(err);
		}
	}

	@Test
	void findWritesMapsAndTables(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 20);
		final Object[] r = cli("find", tmp.resolve("in").toString(), "--output", tmp.resolve("out")
			.toString(), "--top", "4");
		assertEquals(0, r[0], () -> r[2].toString());
		assertTrue(r[1].toString().contains("Found 3 defects"), r[1].toString());
		final List<String> defects = Files.readAllLines(tmp.resolve("out/defects.csv"));
		assertTrue(defects.get(0).startsWith(
			"x,y,channel,kind,variance,mean,min,max,score,cluster_size"));
		assertEquals(4, defects.size());
		assertTrue(defects.stream().anyMatch(l -> l.startsWith("50,60,0,stuck,")), defects.toString());
		assertTrue(defects.stream().anyMatch(l -> l.startsWith("120,30,0,hot,")), defects.toString());
		assertEquals(5, Files.readAllLines(tmp.resolve("out/lowest.csv")).size());
		final ImagePlus variance = new ij.io.Opener().openImage(tmp.resolve("out/variance.tif")
			.toString());
		assertEquals(32, variance.getBitDepth());
		assertEquals(0, variance.getProcessor().getf(50, 60), 0.0);
	}

	@Test
	void mismatchedFrameIsAOneLineErrorNamingTheFile(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 5);
		new FileSaver(new ImagePlus("odd", new ByteProcessor(64, 48))).saveAsTiff(tmp.resolve(
			"in/frame_002b.tif").toString());
		final Object[] r = cli("find", tmp.resolve("in").toString(), "--output", tmp.resolve("out")
			.toString());
		assertEquals(1, r[0]);
		final String err = r[2].toString();
		final String[] errors = java.util.Arrays.stream(err.split("\n")).filter(l -> l.startsWith(
			"hotpixels:")).toArray(String[]::new);
		assertEquals(1, errors.length, err);
		assertFalse(err.contains("Exception") || err.contains("\tat "), err);
		assertTrue(errors[0].contains("frame_002b.tif") && errors[0].contains("64x48"), err);
		assertFalse(Files.exists(tmp.resolve("out/defects.csv")));
		final Object[] skipping = cli("find", tmp.resolve("in").toString(), "--output", tmp.resolve(
			"out").toString(), "--skip-bad-frames");
		assertEquals(0, skipping[0], () -> skipping[2].toString());
		assertTrue(skipping[1].toString().contains("Skipped: ") && skipping[1].toString().contains(
			"frame_002b.tif"), skipping[1].toString());
	}

	@Test
	void existingResultsAreNotOverwritten(@TempDir final Path tmp) throws Exception {
		TestSeries.writeFolder(tmp.resolve("in"), 4);
		Files.createDirectories(tmp.resolve("out"));
		Files.write(tmp.resolve("out/defects.csv"), "mine".getBytes());
		final Object[] r = cli("find", tmp.resolve("in").toString(), "-o", tmp.resolve("out")
			.toString());
		assertEquals(1, r[0]);
		assertTrue(r[2].toString().contains("already exists"), r[2].toString());
		assertEquals("mine", new String(Files.readAllBytes(tmp.resolve("out/defects.csv"))));
	}
}

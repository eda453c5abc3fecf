package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import ij.ImagePlus;
import ij.io.FileSaver;
import ij.process.ByteProcessor;

import org.hotpixels.TestSeries;
import org.hotpixels.results.FindOutputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14 cases that need a process of their own: a working folder (relative names), a second
 * run beside a running one, and a signal while a large compressed statistics file is written.
 */
class GuardProcessTest {

	@TempDir
	Path tmp;

	private static ProcessBuilder hotpixels(final String... args) {
		return hotpixelsWithHeap("1g", args);
	}

	/** The command line in a JVM of its own with the given maximum heap ("1g", "64m"). */
	private static ProcessBuilder hotpixelsWithHeap(final String heap, final String... args) {
		final List<String> command = new ArrayList<>(Arrays.asList(System.getProperty("java.home") +
			File.separator + "bin" + File.separator + "java", "-Xmx" + heap, "-cp", System.getProperty(
				"java.class.path"), HotPixelsCli.class.getName()));
		command.addAll(Arrays.asList(args));
		return new ProcessBuilder(command);
	}

	private static String read(final Path file) throws IOException {
		return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
	}

	/** Names of hidden temporary files under {@code folder}. */
	private static List<String> temporaries(final Path folder) throws IOException {
		try (Stream<Path> s = Files.list(folder)) {
			return s.map(p -> p.getFileName().toString()).filter(n -> n.contains(".tmp-")).collect(
				Collectors.toList());
		}
	}

	@Test
	void relativeFileNamesWithoutAFolder() throws Exception {
		final Path in = tmp.resolve("in");
		TestSeries.writeFolder(in, 4);
		final Process p = hotpixels("find", "frame_000.tif", "frame_001.tif", "frame_002.tif",
			"frame_003.tif", "-o", "../o").directory(in.toFile()).redirectErrorStream(true)
			.redirectOutput(tmp.resolve("log.txt").toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		final String log = read(tmp.resolve("log.txt"));
		assertEquals(0, p.exitValue(), log);
		assertTrue(log.contains("Read 4 frames"), log);
		assertTrue(Files.isRegularFile(tmp.resolve("o").resolve(FindOutputs.DEFECTS)));
	}

	@Test
	void aSecondRunIntoTheSameFolderFailsWithOneSentence() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		final int w = 1600, h = 1200;
		for (int f = 0; f < 40; f++) {
			final byte[] px = new byte[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = (byte) (i * 31 + f * 17 >> 3);
			new FileSaver(new ImagePlus("f", new ByteProcessor(w, h, px))).saveAsTiff(in.resolve(String
				.format("f%03d.tif", f)).toString());
		}
		final Path err = tmp.resolve("err.txt");
		final Process first = hotpixels("find", in.toString(), "-o", out.toString(), "--threads", "1")
			.redirectError(err.toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
		try {
			final long deadline = System.nanoTime() + 60_000_000_000L;
			while (!read(err).contains("Reading") && first.isAlive() && System.nanoTime() < deadline)
				Thread.sleep(20);
			assertTrue(first.isAlive(), "the first run ended too soon:\n" + read(err));
			final CliRun second = CliRun.of("find", in.toString(), "-o", out.toString(), "--overwrite");
			second.assertUserError(out + ": another hotpixels run is writing to this folder");
		}
		finally {
			first.destroy();
			first.waitFor(10, TimeUnit.SECONDS);
		}
	}

	@Test
	void aSignalWhileWritingCompressedStatisticsLeavesNoTemporaryFile() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out"), states = tmp.resolve("states");
		Files.createDirectories(in);
		final int w = 3000, h = 2000;
		for (int f = 0; f < 3; f++) {
			final byte[] px = new byte[w * h];
			final java.util.Random r = new java.util.Random(f);
			r.nextBytes(px);
			new FileSaver(new ImagePlus("f", new ByteProcessor(w, h, px))).saveAsTiff(in.resolve(String
				.format("f%03d.tif", f)).toString());
		}
		final Path state = states.resolve("s.hps.gz");
		final Process p = hotpixels("find", in.toString(), "-o", out.toString(), "--save-state", state
			.toString()).redirectError(tmp.resolve("err.txt").toFile()).redirectOutput(tmp.resolve(
				"out.txt").toFile()).start();
		final long deadline = System.nanoTime() + 120_000_000_000L;
		boolean staging = false;
		while (p.isAlive() && System.nanoTime() < deadline && !staging) {
			staging = Files.isDirectory(states) && !temporaries(states).isEmpty();
			if (!staging) Thread.sleep(5);
		}
		p.destroy(); // SIGTERM, as Ctrl-C
		assertTrue(p.waitFor(10, TimeUnit.SECONDS), "still running after the signal");
		final String err = read(tmp.resolve("err.txt"));
		assertTrue(staging, "the statistics were never staged:\n" + err);
		assertEquals(Arrays.asList(), temporaries(states), err);
		assertEquals(Arrays.asList(), temporaries(out), err);
		final boolean results = Files.exists(out.resolve(FindOutputs.DEFECTS));
		System.out.println("signal while staging: exit " + p.exitValue() + (results ? ", committed"
			: ", nothing written"));
		if (p.exitValue() == 0) assertTrue(results && Files.isRegularFile(state), err);
		else {
			assertEquals(HotPixelsCli.CANCELLED, p.exitValue(), err);
			assertFalse(results || Files.exists(state), "cancelled, yet results were written:\n" + err);
			assertTrue(err.contains("cancelled; no result was written"), err);
		}
	}

	@Test
	void aSignalOnceTheResultsAreCommittedStillExitsZero() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		TestSeries.writeFolder(in, 6);
		final Process p = hotpixels("find", in.toString(), "-o", out.toString()).redirectError(tmp
			.resolve("err.txt").toFile()).redirectOutput(tmp.resolve("out.txt").toFile()).start();
		final long deadline = System.nanoTime() + 120_000_000_000L;
		while (p.isAlive() && !Files.exists(out.resolve(FindOutputs.DEFECTS)) && System
			.nanoTime() < deadline)
			Thread.yield();
		p.destroy(); // the commit is under way or done: it completes, and the exit code says so
		assertTrue(p.waitFor(10, TimeUnit.SECONDS));
		assertEquals(0, p.exitValue(), read(tmp.resolve("err.txt")));
		for (final Path f : FindOutputs.files(out))
			assertTrue(Files.isRegularFile(f), f + " missing");
		assertEquals(Arrays.asList(), temporaries(out));
	}

	/**
	 * A heap too small for the statistics: one sentence that says so and how to give more, exit
	 * code 1, no trace, nothing written; not taken for a Ctrl-C.
	 */
	@Test
	void notEnoughMemoryIsOneSentence() throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		Files.createDirectories(in);
		final int w = 3000, h = 3000;
		for (int f = 0; f < 3; f++) {
			final byte[] px = new byte[w * h];
			for (int i = 0; i < px.length; i++)
				px[i] = (byte) (i * 13 + f * 7);
			new FileSaver(new ImagePlus("f", new ByteProcessor(w, h, px))).saveAsTiff(in.resolve("f" + f +
				".tif").toString());
		}
		final Process p = hotpixelsWithHeap("64m", "find", in.toString(), "-o", out.toString())
			.redirectErrorStream(true).redirectOutput(tmp.resolve("log.txt").toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS));
		final String log = read(tmp.resolve("log.txt"));
		assertEquals(1, p.exitValue(), log);
		assertTrue(log.contains("hotpixels: not enough memory") && log.contains("HOTPIXELS_JAVA_OPTS"),
			log);
		assertFalse(log.contains("cancel") || log.contains("Exception in thread") || log.contains(
			"\tat "), log);
		for (final Path f : FindOutputs.files(out))
			assertFalse(Files.exists(f), f + " written");
	}
}

package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Ctrl-C on a real {@code hotpixels find} process: a child JVM reads a series that takes many
 * seconds, gets SIGTERM ({@link Process#destroy()}; SIGINT takes the same shutdown hook) once
 * its progress shows it is reading, and must exit within three seconds leaving no result and no
 * temporary file.
 */
class CtrlCProcessTest {

	private static final int FRAMES = 400;

	/** One 2400x1600 grey JPEG, hard-linked (or copied) as {@value #FRAMES} frames. */
	private static void slowSeries(final Path folder) throws IOException {
		Files.createDirectories(folder);
		final int w = 2400, h = 1600;
		final BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_BYTE_GRAY);
		final byte[] px = new byte[w * h];
		for (int i = 0; i < px.length; i++)
			px[i] = (byte) (128 + 60 * Math.sin(i % w / 37.0) * Math.cos(i / w / 23.0));
		img.getRaster().setDataElements(0, 0, w, h, px);
		final Path first = folder.resolve("frame_0000.jpg");
		ImageIO.write(img, "jpg", first.toFile());
		for (int f = 1; f < FRAMES; f++) {
			final Path link = folder.resolve(String.format("frame_%04d.jpg", f));
			try {
				Files.createLink(link, first);
			}
			catch (final IOException | UnsupportedOperationException e) {
				Files.copy(first, link);
			}
		}
	}

	@Test
	void aSignalStopsFindPromptlyAndLeavesNoResults(@TempDir final Path tmp) throws Exception {
		final Path in = tmp.resolve("in"), out = tmp.resolve("out");
		slowSeries(in);
		final String java = System.getProperty("java.home") + File.separator + "bin" + File.separator +
			"java";
		final ProcessBuilder pb = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty(
			"java.class.path"), HotPixelsCli.class.getName(), "find", in.toString(), "--output", out
				.toString(), "--threads", "1", "--save-state", tmp.resolve("state.hps").toString());
		final Path errFile = tmp.resolve("stderr.txt");
		pb.redirectOutput(tmp.resolve("stdout.txt").toFile());
		pb.redirectError(errFile.toFile());
		final Process child = pb.start();
		final long deadline = System.nanoTime() + 60_000_000_000L;
		while (!new String(Files.readAllBytes(errFile), StandardCharsets.UTF_8).contains("Reading") &&
			child.isAlive() && System.nanoTime() < deadline)
			Thread.sleep(20); // wait until reading is under way, then press Ctrl-C
		assertTrue(child.isAlive(), "the find ended before it could be cancelled:\n" + new String(Files
			.readAllBytes(errFile), StandardCharsets.UTF_8));
		final long start = System.nanoTime();
		child.destroy();
		final boolean ended = child.waitFor(3, TimeUnit.SECONDS);
		final double seconds = (System.nanoTime() - start) / 1e9;
		if (!ended) child.destroyForcibly().waitFor();
		final String err = new String(Files.readAllBytes(errFile), StandardCharsets.UTF_8);
		assertTrue(ended, "still running 3 s after the signal:\n" + err);
		System.out.printf("find stopped %.2f s after the signal; it printed:%n%s", seconds, err);
		Files.delete(errFile);
		Files.delete(tmp.resolve("stdout.txt"));
		assertNotEquals(0, child.exitValue());
		assertTrue(err.contains("hotpixels: cancelling...\n" +
			"hotpixels: cancelled; no result was written."), err);
		assertFalse(err.contains("Exception") || err.contains("\tat "), err);
		CliRun.assertNoOutputs(out, tmp.resolve("state.hps"));
		try (java.util.stream.Stream<Path> s = Files.list(tmp)) {
			assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".")),
				"temporary file left in " + tmp);
		}
	}
}

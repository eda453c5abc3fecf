package org.hotpixels.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Collections;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.hotpixels.find.FindOptions;
import org.hotpixels.find.FindResult;
import org.hotpixels.HotPixelFinder;
import org.hotpixels.detect.Defect;
import org.hotpixels.progress.Progress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our FITS coordinates are Siril's: Siril's own {@code find_hot} on a master dark lists the hot
 * pixels that find reports on the cube of darks it was made from, at the same x and y (y from
 * the top of the displayed image, although FITS rows run bottom-up). Runs Siril ({@code apt-get
 * install siril}) when it is installed, and is skipped otherwise.
 */
class SirilFitsCoordinatesTest {

	private static final int W = 48, H = 36, FRAMES = 16;
	/** Hot pixels: x and FITS row (0-based, bottom-up). */
	private static final int[][] HOT = { { 11, 4 }, { 30, 31 }, { 2, 20 } };

	@Test
	void sirilFindHotListsWhatFindReportsAtTheSameCoordinates(@TempDir final Path tmp)
		throws Exception
	{
		final Path siril = which("siril-cli");
		assumeTrue(siril != null, "Siril is not installed (apt-get install siril)");
		final Random r = new Random(11);
		final FitsBytes cube = new FitsBytes(16, W, H, FRAMES).card("BZERO", "32768");
		final FitsBytes master = new FitsBytes(16, W, H).card("BZERO", "32768");
		final double[] sum = new double[W * H];
		for (int f = 0; f < FRAMES; f++)
			for (int row = 0; row < H; row++)
				for (int x = 0; x < W; x++) {
					int v = 1000 + (int) Math.round(r.nextGaussian() * 10);
					for (final int[] h : HOT)
						if (h[0] == x && h[1] == row) v = 12000 + (int) Math.round(r.nextGaussian() * 40);
					cube.data().putShort((short) (v - 32768));
					sum[row * W + x] += v;
				}
		for (final double s : sum)
			master.data().putShort((short) (Math.round(s / FRAMES) - 32768));
		final Path darks = Files.write(tmp.resolve("darks.fits"), cube.bytes());
		Files.write(tmp.resolve("master.fits"), master.bytes());

		final FindResult found = HotPixelFinder.find(new FileSeriesSource(Collections.singletonList(
			darks)), new FindOptions(), Progress.NONE);
		final Set<String> ours = new HashSet<>();
		for (final Defect d : found.defects())
			ours.add(d.x() + " " + d.y());
		final Set<String> planted = new HashSet<>();
		for (final int[] h : HOT)
			planted.add(h[0] + " " + (H - 1 - h[1]));
		assertEquals(planted, ours, "find on the cube, y from the top");

		Files.write(tmp.resolve("find.ssf"), ("requires 1.0.0\nload master.fits\n" +
			"find_hot hot 3 8\n").getBytes(StandardCharsets.US_ASCII));
		final Process p = new ProcessBuilder(siril.toString(), "-d", tmp.toString(), "-s", tmp.resolve(
			"find.ssf").toString()).redirectErrorStream(true).redirectOutput(tmp.resolve("siril.log")
				.toFile()).start();
		assertTrue(p.waitFor(120, TimeUnit.SECONDS), "Siril still running after 2 minutes");
		final String log = new String(Files.readAllBytes(tmp.resolve("siril.log")),
			StandardCharsets.UTF_8);
		final Path list = tmp.resolve("hot.lst");
		assertTrue(Files.exists(list), log);
		final Set<String> sirils = new HashSet<>();
		for (final String line : Files.readAllLines(list))
			if (line.startsWith("P ") && line.endsWith(" H")) sirils.add(line.substring(2, line.length() -
				2));
		assertEquals(planted, sirils, "Siril's find_hot on the master dark:\n" + log);
	}

	private static Path which(final String program) {
		for (final String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
			final Path p = Paths.get(dir.isEmpty() ? "." : dir, program);
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}
}

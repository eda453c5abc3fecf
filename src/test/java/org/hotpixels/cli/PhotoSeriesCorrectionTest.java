package org.hotpixels.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.imageio.ImageIO;

import org.hotpixels.Checksums;
import org.hotpixels.demo.OutputFormat;
import org.hotpixels.demo.PlantedDefect;
import org.hotpixels.demo.SyntheticSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The closing check: a folder of synthetic photos with planted defects (lossless PNG)
 * goes through {@code find --correct}; at every planted defect the corrected value is compared
 * with the clean value, known from the same series rendered without defects, and the error is
 * compared with the scene's local variation (RMS difference between a clean pixel and its 8
 * neighbours), which is what any repair from neighbours is up against.
 */
class PhotoSeriesCorrectionTest {

	private static final int W = 256, H = 192, FRAMES = 24;

	@Test
	void correctedValuesAreWithinTheLocalVariationOfTheCleanOnes(@TempDir final Path tmp)
		throws Exception
	{
		final SyntheticSeries series = SyntheticSeries.builder().size(W, H).frames(FRAMES).seed(7)
			.build();
		final SyntheticSeries clean = SyntheticSeries.builder().size(W, H).frames(FRAMES).seed(7)
			.noDefects().build();
		final Path in = tmp.resolve("photos");
		final List<Path> files = series.writeTo(in, OutputFormat.PNG);
		final Map<String, String> before = Checksums.of(in);
		final Object[] r = FindCliTest.cli("find", in.toString(), "-o", tmp.resolve("res").toString(),
			"--correct", tmp.resolve("fixed").toString());
		assertEquals(0, r[0], () -> r[2].toString());
		assertEquals(before, Checksums.of(in));
		final boolean[][] mask = new boolean[3][W * H];
		for (final PlantedDefect p : series.planted())
			for (int y = p.y(); y <= p.yEnd(); y++)
				for (int c = 0; c < 3; c++)
					mask[c][y * W + p.x()] |= p.affects(c);
		double error2 = 0, local2 = 0, defectError2 = 0;
		int n = 0, changedElsewhere = 0;
		for (int f = 0; f < FRAMES; f++) {
			final BufferedImage fixed = ImageIO.read(tmp.resolve("fixed").resolve(files.get(f)
				.getFileName()).toFile());
			final int[] truth = (int[]) clean.frame(f).plane(0);
			final BufferedImage original = ImageIO.read(files.get(f).toFile());
			for (int y = 0; y < H; y++)
				for (int x = 0; x < W; x++) {
					final int i = y * W + x, out = fixed.getRGB(x, y), input = original.getRGB(x, y);
					for (int c = 0; c < 3; c++) {
						final int shift = 16 - 8 * c;
						final int got = out >> shift & 0xff, want = truth[i] >> shift & 0xff;
						if (mask[c][i]) {
							error2 += (got - want) * (got - want);
							final int was = input >> shift & 0xff;
							defectError2 += (was - want) * (was - want);
							local2 += localVariation(truth, x, y, shift);
							n++;
						}
						else if (got != (input >> shift & 0xff)) changedElsewhere++;
					}
				}
		}
		final double rms = Math.sqrt(error2 / n), local = Math.sqrt(local2 / n), before2 = Math.sqrt(
			defectError2 / n);
		final double changedFraction = changedElsewhere / (3.0 * W * H * FRAMES);
		System.out.println(String.format(Locale.ROOT,
			"Photo series, %d planted samples: RMS error %.1f before, %.1f after correction; local " +
				"variation of the clean scene %.1f (8-bit units); other samples changed: %.4f%%", n,
			before2, rms, local, 100 * changedFraction));
		assertTrue(rms <= local, "RMS error " + rms + " above the local variation " + local);
		assertTrue(rms < before2 / 4, "RMS error " + rms + " vs " + before2 + " uncorrected");
		assertTrue(changedFraction < 1e-3, "changed elsewhere: " + changedFraction);
	}

	/** Mean squared difference between a clean sample and its neighbours inside the frame. */
	private static double localVariation(final int[] clean, final int x, final int y,
		final int shift)
	{
		final int v = clean[y * W + x] >> shift & 0xff;
		double sum = 0;
		int n = 0;
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++) {
				final int xx = x + dx, yy = y + dy;
				if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < W && yy < H) {
					final int d = (clean[yy * W + xx] >> shift & 0xff) - v;
					sum += d * d;
					n++;
				}
			}
		return sum / n;
	}
}

package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/** Dark frames: the noise model's moments, and each planted kind's effect over many frames. */
class DarkFrameSeriesTest {

	private static final int W = 64, H = 48;

	/** Per-pixel temporal mean and variance over all frames: [0] means, [1] variances. */
	private static double[][] pixelStatistics(final DarkFrameSeries series) {
		final int n = W * H;
		final double[] sum = new double[n], sumSquares = new double[n];
		for (int i = 0; i < series.size(); i++) {
			final Object plane = series.frame(i).plane(0);
			for (int p = 0; p < n; p++) {
				final double v = plane instanceof short[] ? ((short[]) plane)[p] & 0xffff
					: ((float[]) plane)[p];
				sum[p] += v;
				sumSquares[p] += v * v;
			}
		}
		final double[][] stats = new double[2][n];
		final int frames = series.size();
		for (int p = 0; p < n; p++) {
			stats[0][p] = sum[p] / frames;
			stats[1][p] = (sumSquares[p] - sum[p] * stats[0][p]) / (frames - 1);
		}
		return stats;
	}

	/**
	 * Standard deviation of a pixel's mean over {@code frames} frames around the value expected
	 * for its kind: the temporal noise of the mean (Poisson electrons times gain, read noise) and
	 * the spread of the pixel's own dark current ({@code rateSpread} electrons).
	 */
	private static double meanSd(final DarkFrameSeries s, final double electrons,
		final double rateSpread, final int frames)
	{
		final double g = s.gain(), r = s.readNoise();
		return Math.sqrt(g * g * rateSpread * rateSpread + (g * g * electrons + r * r) / frames);
	}

	private static double average(final double[] values) {
		return Arrays.stream(values).average().getAsDouble();
	}

	@Test
	void flatDarkFramesHaveTheModelsMeanAndVariance() {
		final DarkFrameSeries flat = DarkFrameSeries.builder().size(W, H).frames(40).seed(3).bias(200)
			.gain(2).darkCurrent(30, 0.1).readNoise(5).noDefects().build();
		final double[][] s = pixelStatistics(flat);
		// mean = bias + gain * dark; temporal variance = gain^2 * dark (Poisson) + read^2
		assertEquals(200 + 2 * 30, average(s[0]), 0.5);
		assertEquals(4 * 30 + 25, average(s[1]), 145 * 0.03);
		// the spread of the means: DSNU (10% of 60 ADU) plus the temporal noise of a 40-frame mean
		final double spatial = Math.sqrt(Arrays.stream(s[0]).map(m -> (m - 260) * (m - 260)).average()
			.getAsDouble());
		assertEquals(Math.sqrt(36 + 145 / 40.0), spatial, 0.6);
	}

	@Test
	void biasFramesHaveReadNoiseOnly() {
		final DarkFrameSeries bias = DarkFrameSeries.builder().size(W, H).frames(30).bias(400)
			.readNoise(7).biasOnly().build();
		assertTrue(bias.planted().isEmpty());
		final double[][] s = pixelStatistics(bias);
		assertEquals(400, average(s[0]), 0.3);
		assertEquals(49, average(s[1]), 49 * 0.04);
	}

	@Test
	void plantedKindsShowInTheTemporalMeans() {
		final DarkFrameSeries darks = DarkFrameSeries.builder().size(W, H).frames(60).seed(11).build();
		final double[] mean = pixelStatistics(darks)[0];
		final double bias = darks.bias(), gain = darks.gain(), dark = darks.darkCurrent();
		final double sigma = DarkFrameSeries.frameSigma(dark, gain, darks.readNoise());
		final double normal = bias + gain * dark;
		int faint = 0, columns = 0;
		for (final PlantedDefect d : darks.planted())
			for (int y = d.y(); y <= d.yEnd(); y++) {
				final double m = mean[y * W + d.x()];
				final String where = d + " row " + y + " mean " + m;
				switch (d.kind()) {
					case DEAD : // bias and read noise only
						assertEquals(bias, m, 4.5 * meanSd(darks, 0, 0, 60), where);
						break;
					case COLD : // the pixel's own (10% spread) dark current times the factor
						assertEquals(bias + gain * dark * d.value(), m, 4.5 * meanSd(darks, dark * d.value(),
							0.1 * dark * d.value(), 60), where);
						break;
					case HOT : // the pixel's own dark current plus the extra electrons
						assertEquals(normal + gain * d.value(), m, 4.5 * meanSd(darks, dark + d.value(), 0.1 *
							dark, 60), where);
						break;
					default :
						assertEquals(d.value(), m, 0, where);
				}
			}
		for (final PlantedDefect d : darks.planted()) {
			if (d.label().equals("faint hot")) {
				faint++;
				final double excess = gain * d.value() / sigma;
				assertTrue(excess >= 4 && excess <= 6, d + " is " + excess + " sigma above");
			}
			if (d.isColumnSegment()) {
				columns++;
				assertTrue(d.length() >= 10 && d.length() <= 60, d.toString());
			}
		}
		assertTrue(faint >= 4 && columns >= 2, darks.planted().toString());
	}

	@Test
	void floatVariantKeepsFractionsAndStuckValues() {
		final List<PlantedDefect> stuck = Collections.singletonList(PlantedDefect.stuck(3, 4, 0,
			1234.5));
		final DarkFrameSeries f = DarkFrameSeries.builder().size(W, H).frames(2).pixelType(
			PixelType.GRAY32).defects(stuck).build();
		final float[] plane = (float[]) f.frame(1).plane(0);
		assertEquals(1234.5f, plane[4 * W + 3]);
		long fractional = 0;
		for (final float v : plane)
			if (v != Math.rint(v)) fractional++;
		assertTrue(fractional > plane.length / 2);
	}

	@Test
	void sameSeedSameFrames() {
		final DarkFrameSeries a = DarkFrameSeries.builder().size(W, H).frames(3).seed(4).build();
		final DarkFrameSeries b = DarkFrameSeries.builder().size(W, H).frames(3).seed(4).build();
		assertArrayEquals((short[]) a.frame(2).plane(0), (short[]) b.frame(2).plane(0));
		assertEquals(a.planted().toString(), b.planted().toString());
		assertTrue(a.planted().stream().anyMatch(d -> d.kind() == DefectKind.DEAD));
	}
}

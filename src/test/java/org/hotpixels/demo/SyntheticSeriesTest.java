package org.hotpixels.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.hotpixels.progress.HotPixelsException;
import org.hotpixels.detect.Defect;
import org.hotpixels.detect.DefectKind;
import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.api.Test;

/** Photo-like series: reproducible, varied, and with the planted defects exactly where planted. */
class SyntheticSeriesTest {

	private static SyntheticSeries.Builder small() {
		return SyntheticSeries.builder().size(96, 64).frames(6).seed(5);
	}

	@Test
	void sameSeedGivesSamePixelsInAnyOrderAndOnAnyThread() {
		final SyntheticSeries a = small().build(), b = small().build();
		final int[][] parallel = IntStream.range(0, 6).parallel().mapToObj(i -> (int[]) b.frame(5 - i)
			.plane(0)).toArray(int[][]::new);
		for (int i = 0; i < 6; i++)
			assertArrayEquals((int[]) a.frame(i).plane(0), parallel[5 - i], "frame " + i);
		assertEquals(a.planted().toString(), b.planted().toString());
	}

	@Test
	void otherSeedOrFrameGivesOtherPixels() {
		final int[] first = (int[]) small().build().frame(0).plane(0);
		assertFalse(Arrays.equals(first, (int[]) small().build().frame(1).plane(0)));
		assertFalse(Arrays.equals(first, (int[]) small().seed(6).build().frame(0).plane(0)));
	}

	@Test
	void plantedDefectsChangeOnlyTheirPixelsAsSpecified() {
		final SyntheticSeries series = small().build();
		final SyntheticSeries clean = small().noDefects().build();
		final List<PlantedDefect> planted = series.planted();
		assertTrue(planted.stream().anyMatch(d -> d.channel() == 2), "a blue-only defect");
		assertTrue(planted.stream().anyMatch(d -> planted.stream().anyMatch(e -> e.y() == d.y() && e
			.x() == d.x() + 1)), "an adjacent pair");
		for (int i = 0; i < series.size(); i++) {
			final int[] withDefects = (int[]) series.frame(i).plane(0);
			final int[] without = (int[]) clean.frame(i).plane(0);
			for (int p = 0; p < withDefects.length; p++)
				for (int c = 0; c < 3; c++) {
					final int shift = 16 - 8 * c;
					final int actual = withDefects[p] >> shift & 0xff;
					final int normal = without[p] >> shift & 0xff;
					final PlantedDefect d = defectAt(planted, p % 96, p / 96, c);
					checkDefective(d, normal, actual, "frame " + i + " pixel " + p + " channel " + c);
				}
		}
	}

	static PlantedDefect defectAt(final List<PlantedDefect> planted, final int x, final int y,
		final int c)
	{
		for (final PlantedDefect d : planted)
			if (d.covers(x, y, c)) return d;
		return null;
	}

	/** What a defect makes of a pixel whose defect-free value is {@code normal}, worked out. */
	private static void checkDefective(final PlantedDefect d, final int normal, final int actual,
		final String where)
	{
		if (d == null) {
			assertEquals(normal, actual, where);
			return;
		}
		switch (d.kind()) {
			case STUCK :
				assertEquals((int) d.value(), actual, where);
				break;
			case DEAD :
				assertEquals(0, actual, where);
				break;
			case HOT : // offsets are whole numbers, so rounding commutes with the addition
				if (normal == 0) assertTrue(actual <= d.value(), where);
				else assertEquals(Math.min(255, normal + (int) d.value()), actual, where);
				break;
			default :
				if (normal == 255) assertTrue(actual >= Math.round(254.5 * d.value()), where);
				else assertEquals(normal * d.value(), actual, 1.0, where);
		}
	}

	@Test
	void greySeriesPlantsInChannelZero() {
		final SyntheticSeries grey = small().grey().build();
		final Frame f = grey.frame(0);
		assertEquals(PixelType.GRAY8, f.type());
		assertEquals(96 * 64, ((byte[]) f.plane(0)).length);
		for (final PlantedDefect d : grey.planted()) {
			assertEquals(0, d.channel());
			if (d.kind() == DefectKind.STUCK) assertEquals((int) d.value(), ((byte[]) f.plane(0))[d.y() *
				96 + d.x()] & 0xff);
			if (d.kind() == DefectKind.DEAD) assertEquals(0, ((byte[]) f.plane(0))[d.y() * 96 + d.x()]);
		}
	}

	@Test
	void scenesVaryInBrightnessAndHaveCorrelatedChannels() {
		final SyntheticSeries series = SyntheticSeries.builder().size(64, 48).frames(40).seed(2)
			.noDefects().build();
		double darkest = 255, brightest = 0, correlationSum = 0;
		for (int i = 0; i < series.size(); i++) {
			final int[] rgb = (int[]) series.frame(i).plane(0);
			final double[] red = new double[rgb.length], green = new double[rgb.length];
			double mean = 0;
			for (int p = 0; p < rgb.length; p++) {
				red[p] = rgb[p] >> 16 & 0xff;
				green[p] = rgb[p] >> 8 & 0xff;
				mean += (red[p] + green[p] + (rgb[p] & 0xff)) / 3 / rgb.length;
			}
			darkest = Math.min(darkest, mean);
			brightest = Math.max(brightest, mean);
			correlationSum += correlation(red, green);
		}
		assertTrue(darkest < 40, "a dark frame: " + darkest);
		assertTrue(brightest > 140, "a bright frame: " + brightest);
		assertTrue(correlationSum / series.size() > 0.5, "red-green correlation " + correlationSum /
			series.size());
	}

	private static double correlation(final double[] a, final double[] b) {
		double ma = 0, mb = 0;
		for (int i = 0; i < a.length; i++) {
			ma += a[i] / a.length;
			mb += b[i] / b.length;
		}
		double sab = 0, saa = 0, sbb = 0;
		for (int i = 0; i < a.length; i++) {
			sab += (a[i] - ma) * (b[i] - mb);
			saa += (a[i] - ma) * (a[i] - ma);
			sbb += (b[i] - mb) * (b[i] - mb);
		}
		return sab / Math.sqrt(saa * sbb);
	}

	@Test
	void anySizeWorks() {
		for (final int[] size : new int[][]{ { 1, 1 }, { 7, 5 }, { 9, 200 } }) {
			final Frame f = SyntheticSeries.builder().size(size[0], size[1]).frames(1).noDefects().build()
				.frame(0);
			assertEquals(size[0] * size[1], ((int[]) f.plane(0)).length);
		}
		assertEquals(13, SyntheticSeries.builder().size(32, 32).build().planted().size());
		assertThrows(HotPixelsException.class, () -> SyntheticSeries.builder().size(20, 20).build());
	}

	@Test
	void defectOutsideTheFrameIsRefused() {
		final List<PlantedDefect> outside = Collections.singletonList(PlantedDefect.dead(96, 0,
			Defect.ALL_CHANNELS));
		assertThrows(HotPixelsException.class, () -> small().defects(outside).build());
		final List<PlantedDefect> blueInGrey = Collections.singletonList(PlantedDefect.dead(1, 1, 2));
		assertThrows(HotPixelsException.class, () -> small().grey().defects(blueInGrey).build());
	}

	@Test
	void givenScenesGetTheSameSensorNoiseAndDefects() {
		final Scene flat = (y, red, green, blue) -> {
			Arrays.fill(red, 100f);
			Arrays.fill(green, 50f);
			Arrays.fill(blue, 200f);
		};
		final List<PlantedDefect> stuck = Collections.singletonList(PlantedDefect.stuck(3, 4,
			Defect.ALL_CHANNELS, 7));
		final int[] rgb = (int[]) small().scenes(frame -> flat).defects(stuck).build().frame(0).plane(
			0);
		assertEquals(0x070707, rgb[4 * 96 + 3] & 0xffffff);
		double red = 0, blue = 0;
		int changed = 0;
		for (int i = 0; i < rgb.length; i++) {
			red += rgb[i] >> 16 & 0xff;
			blue += rgb[i] & 0xff;
			if ((rgb[i] >> 16 & 0xff) != 100) changed++;
		}
		assertEquals(100, red / rgb.length, 0.5);
		assertEquals(200, blue / rgb.length, 0.5);
		assertTrue(changed > rgb.length / 2, "noise is added to the given scene");
	}
}

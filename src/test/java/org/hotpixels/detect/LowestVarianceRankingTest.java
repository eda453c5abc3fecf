package org.hotpixels.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.hotpixels.stats.PixelStatistics;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ranking against a brute-force one computed here from the frames: every sample's exact
 * {@code n sum(x^2) - sum(x)^2} (the same denominator for all), sorted with ties by index, then
 * the places two pixels apart (in any channel) left out greedily. Series with few values give
 * many tied variances; low-variance pixels packed side by side make the ranking widen its pool;
 * a series where most pixels tie takes the path without a pre-threshold.
 */
class LowestVarianceRankingTest {

	static Stream<Arguments> series() {
		return Stream.of( //
			Arguments.of(PixelType.GRAY8, 97, 61, 6, 256, 10, 1L), //
			Arguments.of(PixelType.GRAY8, 97, 61, 5, 3, 25, 2L), // few values: many ties
			Arguments.of(PixelType.GRAY16, 130, 70, 7, 65536, 12, 3L), //
			Arguments.of(PixelType.GRAY16, 300, 250, 4, 2, 40, 4L), // most pixels tie
			Arguments.of(PixelType.RGB, 90, 80, 6, 256, 15, 5L), //
			Arguments.of(PixelType.RGB, 90, 80, 8, 4, 30, 6L));
	}

	@ParameterizedTest(name = "{0} {1}x{2}, {3} frames of {4} values, top {5}")
	@MethodSource("series")
	void matchesABruteForceRanking(final PixelType type, final int w, final int h, final int n,
		final int values, final int count, final long seed)
	{
		final Random random = new Random(seed);
		final int channels = type == PixelType.RGB ? 3 : 1;
		// a block of constant pixels side by side: one place, many candidates
		final boolean[] stuck = new boolean[w * h];
		for (int y = 10; y < 20; y++)
			for (int x = 10; x < 30; x++)
				stuck[y * w + x] = true;
		final int[][] samples = new int[n][w * h * channels];
		final List<Frame> frames = new ArrayList<>();
		for (int f = 0; f < n; f++) {
			final Object plane = Frame.newPlane(type, w * h);
			for (int p = 0; p < w * h; p++) {
				int packed = 0;
				for (int c = 0; c < channels; c++) {
					final int v = stuck[p] ? 7 + c : random.nextInt(values);
					samples[f][c * w * h + p] = v;
					packed = packed << 8 | v;
				}
				if (type == PixelType.GRAY8) ((byte[]) plane)[p] = (byte) samples[f][p];
				else if (type == PixelType.GRAY16) ((short[]) plane)[p] = (short) samples[f][p];
				else((int[]) plane)[p] = packed;
			}
			frames.add(Frame.of("f" + f, type, w, h, plane));
		}
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		stats.addAll(frames);

		final int total = w * h * channels;
		final long[] scaled = new long[total];
		for (int i = 0; i < total; i++) {
			long sum = 0, squares = 0;
			for (int f = 0; f < n; f++) {
				sum += samples[f][i];
				squares += (long) samples[f][i] * samples[f][i];
			}
			scaled[i] = n * squares - sum * sum;
		}
		final Integer[] order = new Integer[total];
		for (int i = 0; i < total; i++)
			order[i] = i;
		Arrays.sort(order, (a, b) -> scaled[a] != scaled[b] ? Long.compare(scaled[a], scaled[b])
			: Integer.compare(a, b));
		final List<int[]> expected = new ArrayList<>();
		for (final int i : order) {
			final int c = i / (w * h), x = i % (w * h) % w, y = i % (w * h) / w;
			boolean near = false;
			for (final int[] e : expected)
				near |= Math.abs(e[0] - x) <= 2 && Math.abs(e[1] - y) <= 2;
			if (near) continue;
			expected.add(new int[]{ x, y, c, i });
			if (expected.size() == count) break;
		}

		final List<RankedPixel> ranked = LowestVarianceRanking.rank(stats, count);
		assertEquals(expected.size(), ranked.size());
		for (int k = 0; k < ranked.size(); k++) {
			final int[] e = expected.get(k);
			final RankedPixel r = ranked.get(k);
			final String what = "rank " + (k + 1);
			assertEquals(e[0], r.x(), what + ": x");
			assertEquals(e[1], r.y(), what + ": y");
			assertEquals(e[2], r.channel(), what + ": channel");
			assertEquals((double) scaled[e[3]] / ((double) n * (n - 1)), r.variance(), 0, what +
				": variance");
		}
		// through maps made beforehand, as find does: the same ranking
		final List<RankedPixel> viaMaps = LowestVarianceRanking.rank(stats, count, stats::varianceMap);
		assertEquals(ranked.size(), viaMaps.size());
		for (int k = 0; k < ranked.size(); k++)
			assertEquals(ranked.get(k).x() + "," + ranked.get(k).y() + "," + ranked.get(k).channel(),
				viaMaps.get(k).x() + "," + viaMaps.get(k).y() + "," + viaMaps.get(k).channel());
	}
}

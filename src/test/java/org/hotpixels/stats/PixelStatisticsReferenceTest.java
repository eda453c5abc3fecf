package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.addInBatches;
import static org.hotpixels.stats.StatisticsAssert.assertIdentical;
import static org.hotpixels.stats.StatisticsAssert.assertMapsExact;
import static org.hotpixels.stats.StatisticsAssert.assertMapsMatch;
import static org.hotpixels.stats.StatisticsAssert.assertMatches;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The engine against the exact two-pass {@link ExactReference} on random series of every pixel
 * type, with one to three planes, on sizes that are not
 * multiples of {@link PixelStatistics#TILE} and span two to four tiles, fed frame by frame and
 * in batches of varying sizes.
 */
class PixelStatisticsReferenceTest {

	private static final int FRAMES = 7;

	/** Integer data: the variance is the exact value rounded about once. */
	private static final double INTEGER_TOLERANCE = 1e-15;

	/**
	 * Float data: Welford's update in double precision loses accuracy in proportion to the ratio
	 * of offset to noise, at most 1e3 in {@link RandomFrames}. Measured worst errors: 1.6e-13
	 * here, 1.4e-11 at 1e5 ({@link FloatStatisticsTest}), 1.2e-10 at 1e6.
	 */
	private static final double FLOAT_TOLERANCE = 1e-12;

	static Stream<Arguments> series() {
		return Stream.of( //
			Arguments.of(PixelType.GRAY8, 97, 211, 1), //
			Arguments.of(PixelType.GRAY8, 200, 97, 3), //
			Arguments.of(PixelType.GRAY16, 97, 211, 2), //
			Arguments.of(PixelType.GRAY16, 181, 139, 1), //
			Arguments.of(PixelType.GRAY16, 1500, 12, 1), // tiles side by side, the last narrower
			Arguments.of(PixelType.GRAY32, 97, 211, 1), //
			Arguments.of(PixelType.GRAY32, 200, 97, 2), //
			Arguments.of(PixelType.RGB, 97, 211, 2), //
			Arguments.of(PixelType.RGB, 200, 97, 1));
	}

	@ParameterizedTest(name = "{0} {1}x{2}, {3} plane(s)")
	@MethodSource("series")
	void frameByFrameAndBatchesMatchTheExactReference(final PixelType type, final int width,
		final int height, final int planes)
	{
		final int n = width * height;
		final int tileWidth = Math.min(width, PixelStatistics.TILE_WIDTH);
		final int tileRows = Math.min(height, PixelStatistics.TILE / tileWidth);
		assertTrue(width % tileWidth != 0 || height % tileRows != 0,
			"several tiles, the last one partial");
		final List<Frame> frames = RandomFrames.series(type, width, height, planes, FRAMES, 17L * n +
			planes);
		final ExactReference reference = ExactReference.of(frames);
		final double tolerance = type == PixelType.GRAY32 ? FLOAT_TOLERANCE : INTEGER_TOLERANCE;

		final PixelStatistics oneByOne = PixelStatistics.like(frames.get(0));
		for (final Frame f : frames)
			oneByOne.add(f);
		assertEquals(FRAMES, oneByOne.frameCount());
		assertEquals(planes * type.channelsPerPlane(), oneByOne.channels());
		assertMatches(reference, oneByOne, tolerance);
		assertMapsMatch(reference, oneByOne);
		if (type.isInteger()) assertMapsExact(reference, oneByOne);

		final PixelStatistics batched = PixelStatistics.create(type, width, height, planes * type
			.channelsPerPlane());
		addInBatches(batched, frames, 3, 1, 2);
		assertEquals(FRAMES, batched.frameCount());
		assertMatches(reference, batched, tolerance);
		if (type.isInteger()) assertIdentical(oneByOne, batched);
	}
}

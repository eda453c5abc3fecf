package org.hotpixels.stats;

import static org.hotpixels.stats.StatisticsAssert.addInBatches;
import static org.hotpixels.stats.StatisticsAssert.assertIdentical;
import static org.hotpixels.stats.StatisticsAssert.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import net.imglib2.parallel.Parallelization;

import org.hotpixels.source.Frame;
import org.hotpixels.source.PixelType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Partial results merge into the one-pass result, and the multi-threaded path computes exactly
 * what the single-threaded one does.
 */
class MergeAndThreadsTest {

	private static final int WIDTH = 97;
	private static final int HEIGHT = 131;
	private static final int FRAMES = 12;

	/** Float partial results merged by Chan et al.'s formula: not bit-identical, but close. */
	private static final double FLOAT_MERGE_TOLERANCE = 1e-12;

	@ParameterizedTest
	@EnumSource(PixelType.class)
	void threePartsMergedEqualOnePass(final PixelType type) {
		final List<Frame> frames = RandomFrames.series(type, WIDTH, HEIGHT, 1, FRAMES, 31 + type
			.ordinal());
		final PixelStatistics onePass = PixelStatistics.like(frames.get(0));
		onePass.addAll(frames);

		final PixelStatistics merged = PixelStatistics.like(frames.get(0));
		addInBatches(merged, frames.subList(0, 5), 2);
		final PixelStatistics middle = PixelStatistics.like(frames.get(0));
		middle.add(frames.get(5));
		final PixelStatistics last = PixelStatistics.like(frames.get(0));
		addInBatches(last, frames.subList(6, FRAMES), 4);
		merged.merge(middle);
		merged.merge(last);
		merged.merge(PixelStatistics.like(frames.get(0)));

		assertEquals(FRAMES, merged.frameCount());
		if (type.isInteger()) assertIdentical(onePass, merged);
		else assertClose(onePass, merged, FLOAT_MERGE_TOLERANCE);

		final PixelStatistics intoEmpty = PixelStatistics.like(frames.get(0));
		intoEmpty.merge(onePass);
		assertIdentical(onePass, intoEmpty);
	}

	@ParameterizedTest
	@EnumSource(PixelType.class)
	void multiThreadedEqualsSingleThreaded(final PixelType type) {
		final int width = 181, height = 139;
		final List<Frame> frames = RandomFrames.series(type, width, height, 1, 4, 7 + type.ordinal());
		final PixelStatistics single = Parallelization.runSingleThreaded(() -> accumulate(frames));
		final PixelStatistics multi = Parallelization.runWithNumThreads(4, () -> accumulate(frames));
		assertIdentical(single, multi);
		for (int c = 0; c < single.channels(); c++) {
			final int channel = c;
			assertArrayEquals(Parallelization.runSingleThreaded(() -> single.varianceMap(channel)),
				Parallelization.runWithNumThreads(3, () -> multi.varianceMap(channel)));
		}
	}

	private static PixelStatistics accumulate(final List<Frame> frames) {
		final PixelStatistics stats = PixelStatistics.like(frames.get(0));
		addInBatches(stats, frames, 1, 3);
		return stats;
	}
}
